package io.lazarus.agent.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.supervisor.MonitSupervisor;
import io.lazarus.agent.supervisor.SupervisorListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitControlServerTest {
  @TempDir Path dir;
  private final MonitSupervisor supervisor = new MonitSupervisor(new SupervisorListener() {});

  @AfterEach
  void close() {
    supervisor.close();
  }

  @Test
  void replacesAStaleSocketAndOnlyItsOwnerMayConnect() throws IOException {
    Path socket = dir.resolve("monit.sock");
    // A socket file left by an agent that was killed.
    ServerSocketChannel.open(StandardProtocolFamily.UNIX).bind(UnixDomainSocketAddress.of(socket)).close();
    assertThat(socket).exists();

    try (MonitControlServer server = MonitControlServer.start(socket, supervisor, "system_x", Clock.systemUTC())) {
      assertThat(Files.getPosixFilePermissions(server.socket())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      int code = MonitCli.run(List.of("--socket", socket.toString(), "summary"),
          new PrintStream(out, true, StandardCharsets.UTF_8), System.err);

      assertThat(code).isZero();
      assertThat(out.toString(StandardCharsets.UTF_8)).endsWith("System 'system_x'                   running\n");
    }
  }

  @Test
  void refusesToReplaceAFileThatIsNotASocket() throws IOException {
    Path notASocket = Files.writeString(dir.resolve("monit.sock"), "keep me");

    assertThatThrownBy(() -> MonitControlServer.start(notASocket, supervisor, "system_x", Clock.systemUTC()))
        .isInstanceOf(IOException.class)
        .hasMessageEndingWith("monit.sock exists and is not a socket; not replacing it");
    assertThat(notASocket).hasContent("keep me");
  }
}
