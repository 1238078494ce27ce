package io.lazarus.director.configs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void marksAddedRemovedAndUnchangedLines() {
    assertThat(LineDiff.diff("a: 1\nb: 2\nc: 3\n", "a: 1\nb: 5\nc: 3\nd: 4\n"))
        .containsExactly(
            new LineDiff.Line("a: 1", null),
            new LineDiff.Line("b: 2", "removed"),
            new LineDiff.Line("b: 5", "added"),
            new LineDiff.Line("c: 3", null),
            new LineDiff.Line("d: 4", "added"));
  }

  @Test
  void identicalDocumentsHaveNoDiffAndNewDocumentsAreAllAdded() {
    assertThat(LineDiff.diff("a: 1\n", "a: 1\n")).isEmpty();
    assertThat(LineDiff.diff("", "a: 1\nb: 2\n")).extracting(LineDiff.Line::status).containsExactly("added", "added");
  }

  @Test
  void hugeChangesStayBoundedInMemory() {
    String from = String.join("\n", java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "old" + i).toList());
    String to = String.join("\n", java.util.stream.IntStream.range(0, 5000).mapToObj(i -> "new" + i).toList());
    List<LineDiff.Line> diff = LineDiff.diff(from, to);
    assertThat(diff).hasSize(10000);
    assertThat(diff.get(0).status()).isEqualTo("removed");
    assertThat(diff.get(9999).status()).isEqualTo("added");
  }
}
