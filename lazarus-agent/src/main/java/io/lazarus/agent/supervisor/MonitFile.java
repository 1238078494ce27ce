package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A parsed monit file: the {@code check process} entries of the subset BOSH jobs use. Statements the supervisor
 * has no use for ({@code set ...}, {@code if ... then ...}, {@code mode}, {@code alert}, other check types) are
 * accepted and ignored; syntax errors fail with {@link MonitFileException}.
 */
public record MonitFile(String source, List<MonitProcess> processes) {

  public MonitFile {
    processes = List.copyOf(processes);
  }

  /** Reads and parses {@code file}; errors name the file's path. */
  public static MonitFile read(Path file) throws IOException {
    return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Parses {@code text}; {@code source} names it in errors (usually the file's path). */
  public static MonitFile parse(String source, String text) {
    return new MonitFile(source, new MonitFileParser(source, MonitTokenizer.tokenize(source, text)).parse());
  }
}
