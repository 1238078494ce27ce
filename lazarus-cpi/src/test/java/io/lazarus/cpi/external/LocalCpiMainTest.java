package io.lazarus.cpi.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cpi.local.LocalCpiOptions;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalCpiMainTest {
  @Test
  void theContextsRootWinsOverTheArgument() throws Exception {
    LocalCpiOptions options = LocalCpiMain.options(Map.of("root", "/clouds/a", "plain", true, "java", "/jdk/bin/java"),
        Path.of("/clouds/b"));

    assertThat(options.root()).isEqualTo(Path.of("/clouds/a"));
    assertThat(options.forcePlain()).isTrue();
    assertThat(options.javaBinary()).isEqualTo("/jdk/bin/java");
  }

  @Test
  void theArgumentIsTheFallback() throws Exception {
    LocalCpiOptions options = LocalCpiMain.options(Map.of(), Path.of("/clouds/b"));

    assertThat(options.root()).isEqualTo(Path.of("/clouds/b"));
    assertThat(options.forcePlain()).isFalse();
  }

  @Test
  void withoutARootItSaysWhereToGiveOne() {
    assertThatThrownBy(() -> LocalCpiMain.options(Map.of(), null))
        .hasMessageContaining("set the CPI property 'root' or run it with --root DIR");
  }
}
