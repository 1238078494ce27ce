package io.lazarus.agent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SymlinksTest {
  @TempDir Path dir;

  @Test
  void createsThenSwitchesALinkWithoutLeavingTemporaryLinks() throws Exception {
    Path v1 = Files.createDirectories(dir.resolve("data/web/v1"));
    Path v2 = Files.createDirectories(dir.resolve("data/web/v2"));
    Path link = dir.resolve("jobs/web");

    Symlinks.switchAtomically(link, v1);
    assertThat(Files.readSymbolicLink(link)).isEqualTo(v1);
    Symlinks.switchAtomically(link, v2);

    assertThat(Files.readSymbolicLink(link)).isEqualTo(v2);
    try (var entries = Files.list(dir.resolve("jobs"))) {
      assertThat(entries).containsExactly(link);
    }
  }

  @Test
  void refusesToReplaceARealDirectory() throws Exception {
    Path link = Files.createDirectories(dir.resolve("jobs/web"));
    assertThatThrownBy(() -> Symlinks.switchAtomically(link, dir)).hasMessageContaining("is a directory, not a link");
  }
}
