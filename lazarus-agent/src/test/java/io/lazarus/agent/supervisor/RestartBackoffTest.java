package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RestartBackoffTest {
  private final RestartBackoff backoff =
      new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofSeconds(60));

  @Test
  void doublesFromOneSecondUpToThirty() {
    assertThat(delays(7, Duration.ofSeconds(2))).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
  }

  @Test
  void startsOverAfterTheProcessStayedUp() {
    delays(4, Duration.ZERO);

    assertThat(backoff.delayAfterFailure(Duration.ofSeconds(60))).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfterFailure(Duration.ofSeconds(59))).isEqualTo(Duration.ofSeconds(2));
  }

  @Test
  void resetForgetsFailures() {
    delays(3, Duration.ZERO);
    backoff.reset();

    assertThat(backoff.delayAfterFailure(Duration.ZERO)).isEqualTo(Duration.ofSeconds(1));
  }

  @Test
  void refusesAMaximumBelowTheFirstDelay() {
    assertThatThrownBy(() -> new RestartBackoff(Duration.ofSeconds(5), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private java.util.List<Long> delays(int failures, Duration upFor) {
    java.util.List<Long> seconds = new java.util.ArrayList<>();
    for (int i = 0; i < failures; i++) {
      seconds.add(backoff.delayAfterFailure(upFor).toSeconds());
    }
    return seconds;
  }
}
