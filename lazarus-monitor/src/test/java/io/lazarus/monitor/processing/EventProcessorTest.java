package io.lazarus.monitor.processing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.monitor.config.PluginSpec.Kind;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.metrics.HmMetrics;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EventProcessorTest {
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final EventProcessor processor = new EventProcessor(clock, Duration.ofSeconds(30), new HmMetrics());
  private final List<String> received = new CopyOnWriteArrayList<>();
  private final PluginRunner recorder = new PluginRunner(new Recorder("recorder", received, false), Set.of(Kind.ALERT));
  private final PluginRunner failing = new PluginRunner(new Recorder("failing", new CopyOnWriteArrayList<>(), true), Set.of(Kind.ALERT));

  private record Recorder(String name, List<String> received, boolean fails) implements Plugin {
    @Override
    public void onAlert(Alert alert) {
      if (fails) {
        throw new IllegalStateException("broken plugin");
      }
      received.add(alert.id());
    }
  }

  @AfterEach
  void close() {
    recorder.close();
    failing.close();
  }

  private Alert alert(String id) {
    return new Alert(id, 2, null, "title", null, "test", null, null, null, clock.instant(), null);
  }

  @Test
  void anAlertIdSeenBeforeIsDroppedUntilPruned() {
    processor.add(failing);
    processor.add(recorder);
    processor.emit(alert("a"));
    processor.emit(alert("a"));
    processor.emit(alert("b"));
    clock.advance(Duration.ofSeconds(20));
    processor.prune();
    processor.emit(alert("a"));
    assertThat(processor.remembered()).isEqualTo(2);
    clock.advance(Duration.ofSeconds(31));
    processor.prune();
    assertThat(processor.remembered()).isZero();
    processor.emit(alert("a"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received).containsExactly("a", "b", "a"));
  }

  @Test
  void invalidAlertsAreDropped() {
    processor.add(recorder);
    processor.emit(new Alert("x", -1, null, "t", null, "s", null, null, null, clock.instant(), null));
    processor.emit(new Alert("y", 2, null, " ", null, "s", null, null, null, clock.instant(), null));
    processor.emit(alert("z"));
    await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(received).containsExactly("z"));
  }
}
