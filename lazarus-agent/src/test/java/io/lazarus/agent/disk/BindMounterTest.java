package io.lazarus.agent.disk;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BindMounterTest {
  @TempDir Path dir;

  @Test
  void mountInfoEscapesAreDecoded() {
    assertThat(BindMounter.unescape("/var/vcap/my\\040store\\011x")).isEqualTo("/var/vcap/my store\tx");
  }

  @Test
  void theRootIsAMountPointAndAPlainDirectoryIsNot() throws Exception {
    assertThat(new BindMounter().mounted(Path.of("/"))).isTrue();
    assertThat(new BindMounter().mounted(dir)).isFalse();
  }
}
