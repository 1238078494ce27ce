package io.lazarus.agent.heartbeat;

import io.lazarus.agent.supervisor.SupervisorListener;
import io.lazarus.agent.transport.Alert;
import io.lazarus.agent.transport.HeartbeatSender;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Turns the supervisor's process events into BOSH agent alerts (§2.5) and sends them off the supervisor's thread.
 * Events BOSH ignores are not sent.
 */
public final class AlertRaiser implements SupervisorListener {
  private final HeartbeatSender sender;
  private final Clock clock;
  private final Supplier<List<String>> ips;

  public AlertRaiser(HeartbeatSender sender, Clock clock, Supplier<List<String>> ips) {
    this.sender = sender;
    this.clock = clock;
    this.ips = ips;
  }

  @Override
  public void processEvent(String service, String event, String action, String description) {
    alertFor(service, event, action, description).ifPresent(alert -> Thread.ofVirtual().name("alert").start(() -> sender.alert(alert)));
  }

  java.util.Optional<Alert> alertFor(String service, String event, String action, String description) {
    int severity = AlertSeverity.of(event);
    if (severity == AlertSeverity.IGNORED) {
      return java.util.Optional.empty();
    }
    String title = service + " (" + String.join(", ", ips.get().stream().sorted().toList()) + ") - " + event + " - " + action;
    return java.util.Optional.of(new Alert(UUID.randomUUID().toString(), severity, title, description, clock.instant().getEpochSecond()));
  }
}
