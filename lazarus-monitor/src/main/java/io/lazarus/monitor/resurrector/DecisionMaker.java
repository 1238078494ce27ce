package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.fleet.Fleet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Judges instances against one {@link ResurrectorState} at one instant: the Resurrector asks it which instances to
 * leave alone, the explanation asks it why. Short-lived and used by one thread; it caches the fleet-wide figures.
 */
final class DecisionMaker {
  private final ResurrectorState state;
  private final Fleet fleet;
  private final ResurrectorOptions options;
  private final Duration agentTimeout;
  private final Instant now;
  private final Map<String, DeploymentState> azStates = new HashMap<>();
  private List<AgentView> all;

  DecisionMaker(ResurrectorState state, Fleet fleet, ResurrectorOptions options, Duration agentTimeout, Instant now) {
    this.state = state;
    this.fleet = fleet;
    this.options = options;
    this.agentTimeout = agentTimeout;
    this.now = now;
  }

  private List<AgentView> all() {
    if (all == null) {
      all = fleet.all();
    }
    return all;
  }

  /**
   * BOSH's meltdown math, with one addition: an agent silent for two thirds of agent_timeout counts as unhealthy too.
   * Detection is per agent and within a second, so agents that die together are flagged over one heartbeat interval
   * (their last heartbeats were spread over it); counting the ones about to time out sees the meltdown at the first
   * flag, instead of recreating the first few before it (BOSH's 60 s sweep hid this by its coarseness).
   */
  DeploymentState deploymentState(String deployment) {
    return state.tracker().stateOf("deployment: '" + deployment + "'", fleet.agents(deployment), now, options.meltdown(), this::suspect);
  }

  private boolean suspect(AgentView agent) {
    return !agent.withoutVm() && !agent.warmingUp() && agent.silentSince() != null
        && now.isAfter(agent.silentSince().plus(agentTimeout.multipliedBy(2).dividedBy(3)));
  }

  /** The AZ's meltdown state (over every deployment's agents in it) when per-AZ meltdown is on and it is in meltdown. */
  Optional<DeploymentState> azMeltdown(String az) {
    if (!options.azMeltdown() || az == null) {
      return Optional.empty();
    }
    DeploymentState azState =
        azStates.computeIfAbsent(az, zone -> state.tracker().stateOf("az: '" + zone + "'", all().stream().filter(a -> zone.equals(a.az())).toList(), now, options.meltdown(), this::suspect));
    return azState.state() == DeploymentState.State.MELTDOWN ? Optional.of(azState) : Optional.empty();
  }

  /**
   * "It is me, not them": when every agent of every deployment is silent and there are at least minimum_down_jobs
   * of them, the reason to act on nothing. Fewer agents (a director of single-VM deployments) never trip it.
   */
  Optional<String> directorWideSilence() {
    if (!options.directorWideMeltdown()) {
      return Optional.empty();
    }
    List<AgentView> agents = all().stream().filter(agent -> !agent.withoutVm()).toList();
    if (agents.size() < options.meltdown().minimumDownJobs() || !agents.stream().allMatch(AgentView::timedOut)) {
      return Optional.empty();
    }
    return Optional.of("all " + agents.size() + " agents of this director are silent (minimum_down_jobs " + options.meltdown().minimumDownJobs()
        + "): this Health Monitor may be cut off");
  }

  /**
   * Lazarus' per-instance reasons not to request now: a recreate in flight, the Director's stateful filter, an AZ in
   * meltdown, flapping, backoff.
   */
  Optional<InstanceDecision> gate(JobInstanceKey key, Optional<AgentView> agent) {
    InstanceHistory history = state.history(key);
    if (history.verification() != null) {
      return Optional.of(inFlight(history.verification()));
    }
    Optional<InstanceDecision> stateful = agent.flatMap(this::leftToOperator);
    if (stateful.isPresent()) {
      return stateful;
    }
    Optional<DeploymentState> azMeltdown = azMeltdown(agent.map(AgentView::az).orElse(null));
    if (azMeltdown.isPresent()) {
      return Optional.of(new InstanceDecision(Decision.SKIPPED_MELTDOWN, "its AZ is in meltdown: " + azMeltdown.get().summary()));
    }
    FlapLimit limit = options.flapLimit();
    if (history.flapping(now, limit)) {
      return Optional.of(new InstanceDecision(Decision.SKIPPED_FLAPPING,
          history.recreatesWithin(now, limit).size() + " recreates in " + limit.window().toMinutes() + " minutes (flap_limit.attempts " + limit.attempts()
              + "); no attempt before " + history.flappingUntil(now, limit)));
    }
    if (history.backingOff(now)) {
      return Optional.of(new InstanceDecision(Decision.SKIPPED_BACKOFF,
          history.attempts() + " attempt(s) without the instance coming back; next scan_and_fix not before " + history.nextAttemptAt() + " (backoff "
              + options.backoff().delayAfter(history.attempts()).toSeconds() + " s)"));
    }
    return Optional.empty();
  }

  /**
   * The Director drops an instance with a persistent disk from scan_and_fix when its auto_fix_stateful_nodes is false;
   * requesting it anyway would only end in a failed verification and backoff, so it is not requested and says why.
   */
  private Optional<InstanceDecision> leftToOperator(AgentView agent) {
    if (state.fixesStatefulNodes() || agent.diskCid() == null) {
      return Optional.empty();
    }
    return Optional.of(new InstanceDecision(Decision.SKIPPED_STATEFUL, "it has persistent disk '" + agent.diskCid()
        + "' and the Director's scan_and_fix.auto_fix_stateful_nodes is false, so scan_and_fix leaves it to the operator (lazarus cck)"));
  }

  private static InstanceDecision inFlight(PendingVerification pending) {
    if (!pending.taskEnded()) {
      return new InstanceDecision(Decision.RECREATING, "scan_and_fix task " + pending.taskId() + " requested at " + pending.requestedAt() + " is "
          + (pending.taskState() == null ? "queued" : pending.taskState()));
    }
    return new InstanceDecision(Decision.VERIFYING, "task " + pending.taskId() + " is " + pending.taskState() + "; waiting until " + pending.deadline()
        + " for a heartbeat and job_state running");
  }

  long silentSeconds(AgentView agent) {
    return agent.silentSince() == null ? 0 : Math.max(0, Duration.between(agent.silentSince(), now).toSeconds());
  }

  /** The whole answer for {@code GET /decisions}: health first, then every reason in the order the Resurrector applies them. */
  InstanceDecision decide(AgentView agent) {
    JobInstanceKey key = new JobInstanceKey(agent.deployment(), agent.job(), agent.instanceId());
    InstanceHistory history = state.history(key);
    if (history.verification() != null) {
      return inFlight(history.verification());
    }
    long silent = silentSeconds(agent);
    long timeout = agentTimeout.toSeconds();
    if (agent.warmingUp()) {
      return new InstanceDecision(Decision.WARM_UP, "no heartbeat yet; every agent gets the agent timeout (" + timeout + " s) to report, " + Math.max(0, timeout - silent) + " s left");
    }
    if (!agent.timedOut() && !agent.withoutVm()) {
      // A third of the timeout is about one missed heartbeat at the default 5 s / 15 s.
      return silent * 3 > timeout
          ? new InstanceDecision(Decision.WAITING_FOR_TIMEOUT, "no heartbeat for " + silent + " s; the agent times out after " + timeout + " s")
          : new InstanceDecision(Decision.HEALTHY, "heartbeat " + silent + " s ago (timeout " + timeout + " s)");
    }
    String what = agent.withoutVm() ? "has no VM" : "silent for " + silent + " s (timeout " + timeout + " s)";
    return unhealthyDecision(key, agent, what);
  }

  private InstanceDecision unhealthyDecision(JobInstanceKey key, AgentView agent, String what) {
    if (agent.ignored()) {
      return new InstanceDecision(Decision.SKIPPED_IGNORED, what + "; the instance is ignored, so the Director skips it in scan_and_fix");
    }
    if (fleet.locked(agent.deployment())) {
      return new InstanceDecision(Decision.SKIPPED_LOCKED, what + "; the deployment is locked by a task, so the Health Monitor raises no alert for it");
    }
    if (state.paused(now)) {
      String until = state.resurrection().flatMap(s -> s.pausedUntil()).map(at -> " until " + at).orElse("");
      return new InstanceDecision(Decision.SKIPPED_PAUSED, what + "; resurrection is paused" + until + ", so the Director refuses scan_and_fix");
    }
    Optional<String> silence = directorWideSilence();
    if (silence.isPresent()) {
      return new InstanceDecision(Decision.SKIPPED_MELTDOWN, what + "; " + silence.get());
    }
    DeploymentState deployment = deploymentState(agent.deployment());
    if (deployment.state() == DeploymentState.State.MELTDOWN) {
      return new InstanceDecision(Decision.SKIPPED_MELTDOWN, what + "; meltdown: " + deployment.summary() + " (minimum_down_jobs "
          + options.meltdown().minimumDownJobs() + ", percent_threshold " + options.meltdown().percentThreshold() + ")");
    }
    RuleVerdict verdict = state.rules().enabled(agent.deployment(), agent.job());
    if (!verdict.enabled()) {
      return new InstanceDecision(Decision.SKIPPED_RULE, what + "; disabled by " + verdict.describe());
    }
    return gate(key, Optional.of(agent))
        .map(skip -> new InstanceDecision(skip.decision(), what + "; " + skip.reason()))
        .orElseGet(() -> new InstanceDecision(Decision.RECREATING, what + "; scan_and_fix is requested on the next deployment_health alert"));
  }
}
