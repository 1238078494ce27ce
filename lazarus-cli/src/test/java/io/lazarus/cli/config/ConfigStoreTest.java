package io.lazarus.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigStoreTest {
  @TempDir
  Path dir;

  @Test
  void savesOnlyReadableByTheOwnerInAPrivateDirectory() throws Exception {
    ConfigStore store = new ConfigStore(dir.resolve("new/config"));

    store.save(CliConfig.empty().withAlias("dev", "https://10.0.0.6", "PEM"));

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store.file()))).isEqualTo("rw-------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("new")))).isEqualTo("rwx------");
    assertThat(store.load().find("dev")).contains(new EnvironmentEntry("dev", "https://10.0.0.6", "PEM", null, null, null, null));
    assertThat(Files.list(dir.resolve("new"))).hasSize(1);
  }

  @Test
  void entriesAreFoundByAliasThenByUrl() {
    CliConfig config = new CliConfig(List.of(
        new EnvironmentEntry("a", "https://one", null, null, null, null, null),
        new EnvironmentEntry(null, "a", null, "c", "s", null, null)));

    assertThat(config.find("a").orElseThrow().url()).isEqualTo("https://one");
    assertThat(config.find("https://one").orElseThrow().alias()).isEqualTo("a");
    assertThat(config.find("nothing")).isEmpty();
  }

  @Test
  void reAliasingKeepsCredentialsOnlyForTheSameUrl() {
    CliConfig config = CliConfig.empty().withAlias("dev", "https://one", null)
        .withCredentials("dev", "https://one", "admin", "secret");

    assertThat(config.withAlias("dev", "https://one", "PEM").find("dev").orElseThrow().client()).isEqualTo("admin");
    assertThat(config.withAlias("dev", "https://two", null).find("dev").orElseThrow().client()).isNull();
    assertThat(config.withoutCredentials("dev").find("dev").orElseThrow().clientSecret()).isNull();
  }

  @Test
  void credentialsForAnUnaliasedUrlGetTheirOwnEntry() {
    CliConfig config = CliConfig.empty().withCredentials("10.0.0.6", "10.0.0.6", "admin", "secret");

    assertThat(config.find("10.0.0.6")).contains(new EnvironmentEntry(null, "10.0.0.6", null, "admin", "secret", null, null));
  }

  @Test
  void theLocationComesFromLazarusConfigOrTheHomeDirectory() {
    assertThat(ConfigStore.locate(Map.of("LAZARUS_CONFIG", "/x/y"), dir)).isEqualTo(Path.of("/x/y"));
    assertThat(ConfigStore.locate(Map.of(), dir)).isEqualTo(dir.resolve(".lazarus/config"));
  }

  @Test
  void aBrokenFileIsReportedByName() throws Exception {
    Path file = Files.writeString(dir.resolve("config"), "{not json");

    assertThatThrownBy(() -> new ConfigStore(file).load())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Config file '" + file + "' is not valid");
  }
}
