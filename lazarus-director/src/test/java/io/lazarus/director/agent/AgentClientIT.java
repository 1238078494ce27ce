package io.lazarus.director.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.director.tls.AgentCertificateAuthority;
import io.lazarus.testing.MutableClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Director's agent client over real HTTPS against an agent whose certificate the agents' CA issued. */
class AgentClientIT {
  @TempDir
  Path dir;

  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
  private AgentCertificateAuthority ca;
  private FakeAgent agent;

  @BeforeEach
  void start() throws Exception {
    ca = AgentCertificateAuthority.loadOrGenerate(dir.resolve("tls"), Clock.systemUTC());
    agent = new FakeAgent(ca.issue("127.0.0.1"), dir, "mbus", "s3cret", 2);
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  private AgentClient client(String password) {
    AgentEndpoint endpoint = new AgentEndpoint("agent-1", agent.url(), "mbus", password);
    return new AgentClient(new HttpsAgentTransport(ca.caCertificate()), endpoint, "director-uuid", sleeps::add, Clock.systemUTC());
  }

  @Test
  void pingsAnAgentWhoseCertificateTheAgentsCaIssued() throws Exception {
    assertThat(client("s3cret").ping(Duration.ofSeconds(5))).isTrue();
  }

  @Test
  void wrongCredentialsAreReportedAsRefused() {
    assertThatThrownBy(() -> client("wrong").call("ping", List.of(), Duration.ofSeconds(5)))
        .isInstanceOf(AgentUnreachableException.class)
        .hasMessageContaining("refused the Director's credentials for 'ping'");
  }

  @Test
  void pollsAnAsyncTaskSoonThenLessOftenUntilItEnds() throws Exception {
    String result = client("s3cret").run("slow_apply", List.of(), AgentClient.Cancellation.NEVER).asString();

    assertThat(result).isEqualTo("applied");
    assertThat(agent.methods).containsExactly("slow_apply", "get_task", "get_task", "get_task");
    assertThat(sleeps).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400));
  }

  @Test
  void cancellingAnAsyncTaskCancelsItOnTheAgent() {
    assertThatThrownBy(() -> client("s3cret").run("slow_apply", List.of(), () -> true)).isInstanceOf(InterruptedException.class);
    assertThat(agent.methods).containsExactly("slow_apply", "cancel_task");
  }

  @Test
  void anAgentExceptionCarriesItsMessage() {
    assertThatThrownBy(() -> client("s3cret").call("explode", List.of(), Duration.ofSeconds(5)))
        .isInstanceOf(AgentRemoteException.class)
        .hasMessage("Agent agent-1 failed 'explode': Action Failed explode: disk full");
  }

  @Test
  void anAgentWithACertificateFromAnotherCaIsNotTrusted() throws Exception {
    AgentCertificateAuthority other = AgentCertificateAuthority.loadOrGenerate(Files.createDirectories(dir.resolve("other")), Clock.systemUTC());
    AgentEndpoint endpoint = new AgentEndpoint("agent-1", agent.url(), "mbus", "s3cret");
    AgentClient client = new AgentClient(new HttpsAgentTransport(other.caCertificate()), endpoint, "director-uuid", sleeps::add, Clock.systemUTC());

    assertThatThrownBy(() -> client.call("ping", List.of(), Duration.ofSeconds(5))).isInstanceOf(AgentUnreachableException.class);
  }

  @Test
  void waitingForAnAgentThatNeverAnswersEndsAtTheLimit() {
    MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
    AgentEndpoint nowhere = new AgentEndpoint("agent-2", java.net.URI.create("https://127.0.0.1:1"), "mbus", "s3cret");
    AgentClient client = new AgentClient(new HttpsAgentTransport(ca.caCertificate()), nowhere, "director-uuid", d -> clock.advance(d), clock);

    assertThatThrownBy(() -> client.waitUntilReady(Duration.ofSeconds(10), AgentClient.Cancellation.NEVER))
        .isInstanceOf(AgentUnreachableException.class)
        .hasMessage("Timed out pinging agent agent-2 at https://127.0.0.1:1 after 10 seconds");
  }
}
