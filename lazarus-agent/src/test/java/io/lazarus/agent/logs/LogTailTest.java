package io.lazarus.agent.logs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.logs.LogTail.Answer;
import io.lazarus.agent.logs.LogTail.Chunk;
import io.lazarus.agent.logs.LogTail.Position;
import io.lazarus.agent.logs.LogTail.Request;
import io.lazarus.agent.logs.LogTail.Reset;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {
  @TempDir
  Path root;

  private AgentPaths paths;
  private LogTail tail;
  private Path stdout;

  @BeforeEach
  void logs() throws IOException {
    paths = new AgentPaths(root);
    tail = new LogTail(paths);
    stdout = write("web/web.stdout.log", "one\ntwo\nthree\nfour\n");
    write("web/web.stderr.log", "oops\n");
    write("web/web.pid", "1234\n");
  }

  @Test
  void aFirstCallStartsAtTheLastLinesOfEveryLogFileAndSkipsOtherFiles() throws IOException {
    Answer answer = tail.tail(first(2));

    assertThat(answer.files()).extracting(Chunk::path).containsExactly("web/web.stderr.log", "web/web.stdout.log");
    assertThat(chunk(answer, "web/web.stdout.log")).satisfies(chunk -> {
      assertThat(chunk.data()).isEqualTo("three\nfour\n");
      assertThat(chunk.offset()).isEqualTo(8);
      assertThat(chunk.nextOffset()).isEqualTo(chunk.size()).isEqualTo(19);
      assertThat(chunk.reset()).isEmpty();
    });
    assertThat(chunk(answer, "web/web.stderr.log").data()).isEqualTo("oops\n");
    assertThat(answer.more()).isFalse();
  }

  @Test
  void noLinesMeansStartingAtTheEnd() throws IOException {
    assertThat(tail.tail(first(0)).files()).extracting(Chunk::data).containsOnly("");
  }

  @Test
  void aLaterCallReturnsOnlyWhatWasAppended() throws IOException {
    Answer first = tail.tail(first(10));
    append(stdout, "five\n");

    Answer next = tail.tail(next(first));

    assertThat(chunk(next, "web/web.stdout.log").data()).isEqualTo("five\n");
    assertThat(chunk(next, "web/web.stderr.log").data()).isEmpty();
  }

  @Test
  void aTruncatedFileIsReadAgainFromItsStartAndFlagged() throws IOException {
    Answer first = tail.tail(first(10));
    Files.writeString(stdout, "new\n");

    Chunk chunk = chunk(tail.tail(next(first)), "web/web.stdout.log");

    assertThat(chunk.reset()).hasValue(Reset.TRUNCATED);
    assertThat(chunk.offset()).isZero();
    assertThat(chunk.data()).isEqualTo("new\n");
  }

  @Test
  void aFileReplacedUnderItsNameIsReadFromItsStartEvenWhenLongerAndFlagged() throws IOException {
    Answer first = tail.tail(first(10));
    Files.move(stdout, stdout.resolveSibling("web.stdout.log.1"));
    write("web/web.stdout.log", "a much longer first line of the new file\n");

    Chunk chunk = chunk(tail.tail(next(first)), "web/web.stdout.log");

    assertThat(chunk.reset()).hasValue(Reset.REPLACED);
    assertThat(chunk.data()).isEqualTo("a much longer first line of the new file\n");
  }

  @Test
  void aFileThatAppearedSinceIsReadFromItsStart() throws IOException {
    Answer first = tail.tail(first(1));
    write("db/db.stdout.log", "db up\nready\n");

    Chunk chunk = chunk(tail.tail(next(first)), "db/db.stdout.log");

    assertThat(chunk.data()).isEqualTo("db up\nready\n");
    assertThat(chunk.reset()).isEmpty();
  }

  @Test
  void oneAnswerCarriesAtMostTheAskedBytesOverAllFilesAndSaysMoreWaits() throws IOException {
    Answer first = tail.tail(first(0));
    append(stdout, "x".repeat(1500) + "\n");
    append(paths.sysLog().resolve("web/web.stderr.log"), "err\n");

    Answer capped = tail.tail(new Request("job", List.of(), Optional.of(positions(first)), 0, LogTail.MIN_BYTES));

    assertThat(capped.files()).extracting(chunk -> chunk.data().length()).containsExactly(4, LogTail.MIN_BYTES - 4);
    assertThat(capped.more()).isTrue();
    Answer rest = tail.tail(next(capped));
    assertThat(chunk(rest, "web/web.stdout.log").data()).hasSize(1501 - (LogTail.MIN_BYTES - 4));
    assertThat(rest.more()).isFalse();
  }

  @Test
  void dataNeverEndsInsideAUtf8Sequence() throws IOException {
    Answer first = tail.tail(first(0));
    byte[] euro = "€".getBytes(StandardCharsets.UTF_8);
    Files.write(stdout, new byte[] {'a', euro[0], euro[1]}, StandardOpenOption.APPEND);

    Answer partial = tail.tail(next(first));
    Files.write(stdout, new byte[] {euro[2], '\n'}, StandardOpenOption.APPEND);
    Answer whole = tail.tail(next(partial));

    assertThat(chunk(partial, "web/web.stdout.log").data()).isEqualTo("a");
    assertThat(partial.more()).as("a sequence being written is not worth asking again at once").isFalse();
    assertThat(chunk(whole, "web/web.stdout.log").data()).isEqualTo("€\n");
  }

  @Test
  void completeUtf8CountsWholeSequencesOnly() {
    byte[] text = "a€b".getBytes(StandardCharsets.UTF_8);
    assertThat(LogTail.completeUtf8(text)).isEqualTo(5);
    assertThat(LogTail.completeUtf8(java.util.Arrays.copyOf(text, 3))).isEqualTo(1);
    assertThat(LogTail.completeUtf8(java.util.Arrays.copyOf(text, 4))).isEqualTo(4);
    assertThat(LogTail.completeUtf8(new byte[0])).isZero();
  }

  @Test
  void lastLinesCutShortByTheBudgetStartAtAWholeLine() throws IOException {
    Files.writeString(stdout, "x".repeat(2000) + "\nshort\nlast\n");

    Chunk chunk = chunk(tail.tail(new Request("job", List.of("web/web.stdout.log"), Optional.empty(), 10, LogTail.MIN_BYTES)), "web/web.stdout.log");

    assertThat(chunk.data()).isEqualTo("short\nlast\n");
  }

  @Test
  void filtersChooseTheFilesAndTheAgentTypeReadsTheAgentsLog() throws IOException {
    Files.createDirectories(paths.agentLog().getParent());
    Files.writeString(paths.agentLog(), "agent started\n");

    assertThat(tail.tail(new Request("job", List.of("**/*.pid"), Optional.empty(), 5, LogTail.MAX_BYTES)).files()).extracting(Chunk::path).containsExactly("web/web.pid");
    assertThat(tail.tail(new Request("agent", List.of(), Optional.empty(), 5, LogTail.MAX_BYTES)).files())
        .singleElement().satisfies(chunk -> assertThat(chunk.data()).isEqualTo("agent started\n"));
    assertThatThrownBy(() -> tail.tail(new Request("kernel", List.of(), Optional.empty(), 5, LogTail.MAX_BYTES)))
        .isInstanceOf(RpcException.class).hasMessage("tail_logs: log type 'kernel' is neither 'job' nor 'agent'");
  }

  @Test
  void noLogDirectoryMeansNoFiles() throws IOException {
    assertThat(new LogTail(new AgentPaths(root.resolve("fresh-vm"))).tail(first(10)).files()).isEmpty();
  }

  private static Request first(int lines) {
    return new Request("job", List.of(), Optional.empty(), lines, LogTail.MAX_BYTES);
  }

  private static Request next(Answer previous) {
    return new Request("job", List.of(), Optional.of(positions(previous)), 10, LogTail.MAX_BYTES);
  }

  private static Map<String, Position> positions(Answer answer) {
    Map<String, Position> positions = new LinkedHashMap<>();
    answer.files().forEach(chunk -> positions.put(chunk.path(), new Position(chunk.nextOffset(), chunk.fileId())));
    return positions;
  }

  private static Chunk chunk(Answer answer, String path) {
    return answer.files().stream().filter(chunk -> chunk.path().equals(path)).findFirst().orElseThrow();
  }

  private Path write(String relative, String text) throws IOException {
    Path file = paths.sysLog().resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, text);
  }

  private static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.APPEND);
  }
}
