package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.fleet.AgentView;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The verdict on a recreate: the instance is back when its agent is not timed out, sent a heartbeat after the request,
 * and reports job_state "running". It failed when its task failed, or when the deadline passed without that.
 */
public record Verification(Outcome outcome, String reason) {

  public enum Outcome {
    BACK,
    FAILED,
    WAITING,
    /** The instance no longer exists (deleted by a deploy): nothing to verify. */
    GONE
  }

  public static Verification judge(PendingVerification pending, Optional<AgentView> instance, Instant now) {
    if (instance.isEmpty()) {
      return new Verification(Outcome.GONE, "the instance is no longer part of the deployment");
    }
    AgentView agent = instance.get();
    boolean heardSince = agent.lastHeartbeat() != null && agent.lastHeartbeat().isAfter(pending.requestedAt());
    if (!agent.timedOut() && heardSince && "running".equals(agent.jobState())) {
      return new Verification(Outcome.BACK, "heartbeat at " + agent.lastHeartbeat() + " with job_state running");
    }
    if (pending.taskFailed()) {
      return new Verification(Outcome.FAILED, "task " + pending.taskId() + " ended in state " + pending.taskState());
    }
    if (now.isBefore(pending.deadline())) {
      return new Verification(Outcome.WAITING, "");
    }
    long waited = Duration.between(pending.requestedAt(), now).toSeconds();
    if (agent.timedOut() || !heardSince) {
      return new Verification(Outcome.FAILED, "still unresponsive " + waited + " s after the request (task " + pending.taskId() + " " + taskState(pending) + ")");
    }
    return new Verification(Outcome.FAILED, "job_state " + agent.jobState() + " " + waited + " s after the request");
  }

  private static String taskState(PendingVerification pending) {
    return pending.taskState() == null ? "not yet seen" : pending.taskState();
  }
}
