package io.lazarus.core.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeartbeatCredentialsTest {
  @Test
  void aPasswordIsTheHmacOfTheAgentIdAndVerifiesOnlyForThatAgent(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("heartbeat.key");
    Files.writeString(file, "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
    HeartbeatCredentials credentials = HeartbeatCredentials.fromKeyFile(file);

    String password = credentials.password("agent-1");

    assertThat(password).hasSize(64).isEqualTo(HeartbeatCredentials.fromKeyFile(file).password("agent-1"));
    assertThat(credentials.verify("agent-1", password)).isTrue();
    assertThat(credentials.verify("agent-2", password)).isFalse();
    assertThat(credentials.verify("agent-1", "nope")).isFalse();
  }

  @Test
  void aKeyFileThatIsNotHexIsRefusedByName(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("heartbeat.key");
    Files.writeString(file, "not a key");

    assertThatThrownBy(() -> HeartbeatCredentials.fromKeyFile(file)).hasMessageContaining(file.toString());
  }

  @Test
  void aNewKeyIsThirtyTwoRandomBytesReadableByTheOwnerOnly(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("hm/heartbeat.key");
    HeartbeatCredentials.writeNewKey(file);

    assertThat(Files.readString(file).trim()).matches("[0-9a-f]{64}");
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    assertThat(HeartbeatCredentials.fromKeyFile(file).password("agent-1")).hasSize(64);
  }
}
