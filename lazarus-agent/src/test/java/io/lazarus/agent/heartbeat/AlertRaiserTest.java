package io.lazarus.agent.heartbeat;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.transport.Alert;
import io.lazarus.agent.transport.Heartbeat;
import io.lazarus.agent.transport.HeartbeatSender;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlertRaiserTest {
  final HeartbeatSender unused = new HeartbeatSender() {
    @Override
    public boolean heartbeat(Heartbeat heartbeat) {
      return true;
    }

    @Override
    public boolean alert(Alert alert) {
      return true;
    }

    @Override
    public boolean shutdown() {
      return true;
    }

    @Override
    public void close() {}
  };
  final AlertRaiser raiser = new AlertRaiser(unused, Clock.fixed(Instant.ofEpochSecond(1_700_000_000), ZoneOffset.UTC),
      () -> List.of("10.0.0.9", "10.0.0.10"));

  @Test
  void buildsBoshsTitleSeverityAndTimestamp() {
    Alert alert = raiser.alertFor("web", "does not exist", "restart", "process is not running").orElseThrow();

    assertThat(alert.title()).isEqualTo("web (10.0.0.10, 10.0.0.9) - does not exist - restart");
    assertThat(alert.severity()).isEqualTo(AlertSeverity.ALERT);
    assertThat(alert.summary()).isEqualTo("process is not running");
    assertThat(alert.createdAt()).isEqualTo(1_700_000_000L);
  }

  @Test
  void ignoredEventsRaiseNothingAndUnknownOnesAreCritical() {
    assertThat(raiser.alertFor("web", "process is running", "alert", "")).isEmpty();
    assertThat(raiser.alertFor("web", "something new", "alert", "")).get().extracting(Alert::severity).isEqualTo(AlertSeverity.CRITICAL);
  }
}
