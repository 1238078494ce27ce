package io.lazarus.director.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import org.junit.jupiter.api.Test;

/** What the route stores is what the queued task reads back, every option included. */
class InstanceStatePayloadTest {

  @Test
  void everyOptionSurvivesTheTaskPayload() {
    String stored = Json.write(InstanceStateJob.payload("demo", "web", "0", TargetState.DETACHED, true, true, "2", "50%", true));

    InstanceStateJob.Payload read = Json.read(stored, InstanceStateJob.Payload.class);

    assertThat(read).isEqualTo(new InstanceStateJob.Payload("demo", "web", "0", "detached", true, true, "2", "50%", true));
  }

  @Test
  void restartAndRecreateLeaveTheInstanceStarted() {
    assertThat(TargetState.parse("restart").resultingState()).isEqualTo("started");
    assertThat(TargetState.parse("recreate").resultingState()).isEqualTo("started");
    assertThat(TargetState.parse("detached").resultingState()).isEqualTo("detached");
  }
}
