package io.lazarus.agent.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.monit.MonitRequest.Action;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitRequestTest {

  @Test
  void readsTheActionsOfMonit() {
    assertThat(MonitRequest.fromArgs(List.of("summary"))).isEqualTo(new MonitRequest(Action.SUMMARY, Optional.empty()));
    assertThat(MonitRequest.fromArgs(List.of("stop", "all")).targetsAll()).isTrue();
    assertThat(MonitRequest.fromArgs(List.of("restart", "nats")).target()).contains("nats");
    assertThat(MonitRequest.fromArgs(List.of("status", "nats")).action()).isEqualTo(Action.STATUS);
  }

  @Test
  void travelsAsOneLine() {
    MonitRequest request = MonitRequest.fromArgs(List.of("unmonitor", "director"));

    assertThat(request.toLine()).isEqualTo("unmonitor director");
    assertThat(MonitRequest.fromLine(request.toLine())).isEqualTo(request);
  }

  @Test
  void explainsMisuseAsMonitDoes() {
    assertThatThrownBy(() -> MonitRequest.fromArgs(List.of("start")))
        .hasMessage("please specify the configured service name or 'all' after start");
    assertThatThrownBy(() -> MonitRequest.fromArgs(List.of("launch", "nats")))
        .hasMessage("invalid argument -- launch  (-h will show valid arguments)");
    assertThatThrownBy(() -> MonitRequest.fromArgs(List.of("summary", "nats")))
        .hasMessage("invalid argument -- nats  (-h will show valid arguments)");
  }
}
