package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcFsTest {

  @Test
  void parsesAStatLineWhoseCommandHoldsSpacesAndParentheses() {
    String line = "4242 (my (odd) cmd) S 1 4240 4240 0 -1 4194560 120 0 0 0 37 12 0 0 20 0 1 0 987654 "
        + "6123520 512 18446744073709551615 1 1 0 0 0 0 0 0 0 0 0 0 17 1 0 0 0 0 0\n";

    assertThat(ProcFs.parseStat(4242, line))
        .isEqualTo(new ProcStat(4242, 'S', 1, 4240, 4240, 37, 12, 987654));
  }

  @Test
  void readsThisProcess() {
    ProcStat self = ProcFs.system().self();

    assertThat(self.pid()).isEqualTo(ProcessHandle.current().pid());
    assertThat(self.alive()).isTrue();
    assertThat(ProcFs.system().residentKb(self.pid())).isPresent();
  }

  @Test
  void aMissingProcessIsEmpty() {
    assertThat(ProcFs.system().stat(Integer.MAX_VALUE)).isEmpty();
  }

  @Test
  void refusesAProcOfAnotherPidNamespace(@TempDir Path root) throws IOException {
    // As inside "unshare --pid --fork" without --mount-proc: /proc/self is the host's view of this process.
    Files.createDirectories(root.resolve("self"));
    Files.writeString(root.resolve("self/stat"), "987654 (java) S 1 987654 987654 0 -1 0 0 0 0 0 1 1 0 0 20 0 1 0 5 0 0\n");

    assertThatThrownBy(() -> new ProcFs(root).self())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("belongs to another pid namespace");
  }
}
