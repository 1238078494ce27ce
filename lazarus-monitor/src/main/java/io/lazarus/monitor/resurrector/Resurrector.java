package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.director.DirectorApiException;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.AgentView;
import io.lazarus.monitor.plugins.Explainer;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.monitor.plugins.PluginContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Resurrector: BOSH's per-alert process (§3.2) with Lazarus' safeguards, plus the deadline work on ticks
 * (resurrection config, pause alerts, verification, long-unhealthy alerts).
 *
 * <p>All calls but {@link #decisions} come from the plugin's own thread; every change replaces the one volatile
 * {@link ResurrectorState}, which {@link #decisions} reads from the HTTP thread.
 */
public final class Resurrector implements Plugin, Explainer {
  private static final Logger LOG = LoggerFactory.getLogger(Resurrector.class);

  private final ResurrectorOptions options;
  private final PluginContext context;
  private final DirectorApi director;
  private final ResurrectionConfigWatcher configs = new ResurrectionConfigWatcher();
  private final PauseAlerts pauseAlerts;
  private volatile ResurrectorState state = ResurrectorState.INITIAL;
  private boolean directorAnswered;
  private Instant lastPoll;

  public Resurrector(ResurrectorOptions options, PluginContext context) {
    this.options = options;
    this.context = context;
    this.director = context.director();
    this.pauseAlerts = new PauseAlerts(options.pauseAlertAfter());
  }

  @Override
  public String name() {
    return "resurrector";
  }

  /** The latest state, for tests and the explanation. */
  public ResurrectorState state() {
    return state;
  }

  @Override
  public void onAlert(Alert alert) {
    if (!Alert.DEPLOYMENT_HEALTH.equals(alert.category())) {
      LOG.debug("Ignoring alert {} of category {}", alert.id(), alert.category());
      return;
    }
    if (alert.deployment() == null || alert.jobsToInstanceIds().isEmpty()) {
      LOG.warn("Ignoring deployment_health alert {} without deployment or jobs_to_instance_ids", alert.id());
      return;
    }
    state = state.withTracker(state.tracker().recordInstancesOf(alert));
    if (!directorAnswers()) {
      return;
    }
    Instant now = context.clock().instant();
    String deployment = alert.deployment();
    DecisionMaker judge = judge(now);
    Optional<String> silence = judge.directorWideSilence();
    if (silence.isPresent()) {
      emit(Alert.ALERT, "All agents are silent: this Health Monitor may be cut off; skipping resurrection",
          "Skipping resurrection for instances: " + ResurrectorAlerts.instances(alert.jobsToInstanceIds()) + "; " + silence.get(), deployment, now);
      return;
    }
    DeploymentState deploymentState = judge.deploymentState(deployment);
    switch (deploymentState.state()) {
      case MELTDOWN -> emit(Alert.ALERT, "We are in meltdown",
          "Skipping resurrection for instances: " + ResurrectorAlerts.instances(alert.jobsToInstanceIds()) + "; " + deploymentState.summary(), deployment, now);
      case MANAGED -> resurrect(deployment, alert.jobsToInstanceIds(), deploymentState, judge, now);
      case NORMAL -> LOG.info("({}) state is normal", deployment);
    }
  }

  /** {@code GET /info} must have answered once (memoized), as BOSH checks before acting. */
  private boolean directorAnswers() {
    if (!directorAnswered) {
      try {
        director.info();
        directorAnswered = true;
      } catch (DirectorApiException e) {
        LOG.warn("director is not responding with the status ({})", e.getMessage());
      }
    }
    return directorAnswered;
  }

  private void resurrect(String deployment, Map<String, List<String>> jobsToInstanceIds, DeploymentState deploymentState, DecisionMaker judge, Instant now) {
    Map<String, List<String>> enabled = new LinkedHashMap<>();
    Map<String, List<String>> disabled = new LinkedHashMap<>();
    jobsToInstanceIds.forEach((job, ids) -> (state.rules().enabled(deployment, job).enabled() ? enabled : disabled).put(job, ids));
    if (!enabled.isEmpty()) {
      Map<String, List<String>> toRequest = admitted(deployment, enabled, judge, now);
      if (!toRequest.isEmpty()) {
        if (scanAndFixQueued(deployment)) {
          LOG.info("({}) CCK is already queued", deployment);
          return;
        }
        emit(Alert.WARNING, "Scan unresponsive VMs",
            "Notifying Director to scan instances: " + ResurrectorAlerts.instances(toRequest) + "; " + deploymentState.summary(), deployment, now);
        requestScanAndFix(deployment, toRequest, now);
      }
    }
    if (!disabled.isEmpty()) {
      emit(Alert.ALERT, "Resurrection is disabled by resurrection config",
          "Skipping resurrection for instances: " + ResurrectorAlerts.instances(disabled) + "; " + deploymentState.summary() + " because of resurrection config",
          deployment, now);
    }
  }

  /** The enabled instances that pass Lazarus' gates; alerts once per AZ in meltdown and once per flapping episode. */
  private Map<String, List<String>> admitted(String deployment, Map<String, List<String>> enabled, DecisionMaker judge, Instant now) {
    Map<String, List<String>> admitted = new LinkedHashMap<>();
    Map<String, List<String>> inAzMeltdown = new LinkedHashMap<>();
    Map<String, String> azSummaries = new LinkedHashMap<>();
    enabled.forEach((job, ids) -> ids.forEach(id -> {
      JobInstanceKey key = new JobInstanceKey(deployment, job, id);
      Optional<AgentView> agent = context.fleet().instance(deployment, id);
      Optional<InstanceDecision> skip = judge.gate(key, agent);
      if (skip.isEmpty()) {
        admitted.computeIfAbsent(job, j -> new ArrayList<>()).add(id);
        return;
      }
      LOG.info("({}) not requesting {}: {}", deployment, key.display(), skip.get().reason());
      switch (skip.get().decision()) {
        case SKIPPED_MELTDOWN -> {
          String az = agent.map(AgentView::az).orElseThrow();
          inAzMeltdown.computeIfAbsent(az, a -> new ArrayList<>()).add(key.display());
          azSummaries.put(az, judge.azMeltdown(az).orElseThrow().summary());
        }
        case SKIPPED_FLAPPING -> alertFlapping(key, now);
        default -> {}
      }
    }));
    inAzMeltdown.forEach((az, instances) -> emit(Alert.ALERT, "We are in meltdown in AZ '" + az + "'",
        "Skipping resurrection for instances: " + String.join(", ", instances) + "; " + azSummaries.get(az), deployment, now));
    return admitted;
  }

  private void alertFlapping(JobInstanceKey key, Instant now) {
    InstanceHistory history = state.history(key);
    if (history.flappingAlerted()) {
      return;
    }
    FlapLimit limit = options.flapLimit();
    emit(Alert.ALERT, "Instance " + key.display() + " is flapping: " + history.recreatesWithin(now, limit).size() + " recreates in "
        + limit.window().toMinutes() + " minutes; resurrection stopped for it", null, key.deployment(), now);
    state = state.withHistory(key, history.flappingAlerted(now));
  }

  /** BOSH's check: a failed look-up counts as queued, so two scans never run for one deployment. */
  private boolean scanAndFixQueued(String deployment) {
    try {
      return director.tasks(deployment, List.of("queued", "processing")).stream().anyMatch(task -> "scan and fix".equals(task.description()));
    } catch (DirectorApiException e) {
      LOG.warn("({}) could not list tasks: {}", deployment, e.getMessage());
      return true;
    }
  }

  private void requestScanAndFix(String deployment, Map<String, List<String>> jobs, Instant now) {
    ResurrectorState next = state;
    try {
      long task = director.scanAndFix(deployment, jobs);
      LOG.info("({}) scan_and_fix queued as task {}", deployment, task);
      for (JobInstanceKey key : keys(deployment, jobs)) {
        next = next.withHistory(key, next.history(key).requested(now, task, options));
      }
    } catch (DirectorApiException e) {
      LOG.warn("({}) scan_and_fix refused: status {}: {}", deployment, e.status(), e.getMessage());
      for (JobInstanceKey key : keys(deployment, jobs)) {
        next = next.withHistory(key, next.history(key).refused(now, options));
      }
    }
    state = next;
  }

  private static List<JobInstanceKey> keys(String deployment, Map<String, List<String>> jobs) {
    return jobs.entrySet().stream().flatMap(e -> e.getValue().stream().map(id -> new JobInstanceKey(deployment, e.getKey(), id))).toList();
  }

  @Override
  public void tick(Instant now) {
    if (lastPoll == null || !now.isBefore(lastPoll.plus(options.directorPollInterval()))) {
      lastPoll = now;
      refreshRules();
      checkPause(now);
      pollTasks(now);
      alertLongUnhealthy(now);
    }
    verify(now);
    retryFailedRecreates(now);
  }

  /**
   * An instance whose resurrection failed verification while its agent answers (its jobs do not run) is no problem
   * for scan_and_fix, which only heals silent agents and missing VMs; so, after the backoff and within the flap limit,
   * the Resurrector asks the Director to recreate it outright, and once flapping it stops and says so.
   */
  private void retryFailedRecreates(Instant now) {
    if (state.paused(now)) {
      return;
    }
    for (Map.Entry<JobInstanceKey, InstanceHistory> entry : state.histories().entrySet()) {
      JobInstanceKey key = entry.getKey();
      InstanceHistory history = entry.getValue();
      if (history.attempts() == 0 || history.verification() != null || history.backingOff(now)) {
        continue;
      }
      Optional<AgentView> agent = context.fleet().instance(key.deployment(), key.instanceId());
      if (agent.isEmpty() || agent.get().timedOut() || agent.get().withoutVm() || "running".equals(agent.get().jobState()) || agent.get().ignored()
          || context.fleet().locked(key.deployment()) || !state.rules().enabled(key.deployment(), key.job()).enabled()) {
        continue;
      }
      if (history.flapping(now, options.flapLimit())) {
        alertFlapping(key, now);
        continue;
      }
      try {
        long task = director.recreate(key.deployment(), key.job(), key.instanceId());
        emit(Alert.WARNING, "Recreating " + key.display(), "Recreating " + key.display() + " as task " + task + ": its agent answers but its jobs are "
            + agent.get().jobState() + " since its resurrection", key.deployment(), now);
        state = state.withHistory(key, history.requested(now, task, options));
      } catch (DirectorApiException e) {
        LOG.warn("({}) recreate of {} refused: status {}: {}", key.deployment(), key.display(), e.status(), e.getMessage());
        state = state.withHistory(key, history.refused(now, options));
      }
    }
  }

  private void refreshRules() {
    try {
      state = state.withRules(configs.update(director.resurrectionConfigs()));
    } catch (DirectorApiException e) {
      LOG.warn("Could not read the resurrection configs: {}", e.getMessage());
    }
  }

  private void checkPause(Instant now) {
    try {
      DirectorApi.ResurrectionSwitch resurrection = director.resurrection();
      state = state.withResurrection(resurrection);
      pauseAlerts.check(resurrection, now).ifPresent(alert -> context.alerts().emit(alert));
    } catch (DirectorApiException e) {
      LOG.warn("Could not read the resurrection switch: {}", e.getMessage());
    }
  }

  /** Polls each task a pending verification waits for, once per poll interval. */
  private void pollTasks(Instant now) {
    Map<Long, String> taskStates = new LinkedHashMap<>();
    ResurrectorState next = state;
    for (Map.Entry<JobInstanceKey, InstanceHistory> entry : state.histories().entrySet()) {
      PendingVerification pending = entry.getValue().verification();
      if (pending == null || pending.taskEnded()) {
        continue;
      }
      String taskState = taskStates.computeIfAbsent(pending.taskId(), this::taskState);
      if (taskState != null) {
        next = next.withHistory(entry.getKey(), entry.getValue().withVerification(pending.polled(taskState, now)));
      }
    }
    state = next;
  }

  private String taskState(long id) {
    try {
      return director.task(id).state();
    } catch (DirectorApiException e) {
      LOG.warn("Could not read task {}: {}", id, e.getMessage());
      return null;
    }
  }

  private void verify(Instant now) {
    ResurrectorState next = state;
    for (Map.Entry<JobInstanceKey, InstanceHistory> entry : state.histories().entrySet()) {
      JobInstanceKey key = entry.getKey();
      PendingVerification pending = entry.getValue().verification();
      if (pending == null) {
        continue;
      }
      Verification verdict = Verification.judge(pending, context.fleet().instance(key.deployment(), key.instanceId()), now);
      switch (verdict.outcome()) {
        case BACK -> {
          LOG.info("Resurrection of {} verified: {}", key.display(), verdict.reason());
          next = next.withHistory(key, entry.getValue().recovered());
        }
        case FAILED -> {
          emit(Alert.CRITICAL, "Resurrection of " + key.display() + " did not bring it back",
              "Resurrection of " + key.display() + " did not bring it back: " + verdict.reason(), key.deployment(), now);
          next = next.withHistory(key, entry.getValue().failed());
        }
        case GONE -> next = next.withoutHistory(key);
        case WAITING -> {}
      }
    }
    state = next;
  }

  /** Alerts on instances unhealthy longer than unhealthy_alert_after with no request since their silence began; again each further period. */
  private void alertLongUnhealthy(Instant now) {
    DecisionMaker judge = judge(now);
    for (AgentView agent : context.fleet().all()) {
      if (!(agent.timedOut() || agent.withoutVm()) || agent.silentSince() == null) {
        continue;
      }
      JobInstanceKey key = new JobInstanceKey(agent.deployment(), agent.job(), agent.instanceId());
      InstanceHistory history = state.history(key);
      boolean requestedSince = history.lastRequestAt() != null && !history.lastRequestAt().isBefore(agent.silentSince());
      boolean alertedRecently = history.unhealthyAlertedAt() != null && !history.unhealthyAlertedAt().isBefore(agent.silentSince())
          && now.isBefore(history.unhealthyAlertedAt().plus(options.unhealthyAlertAfter()));
      Duration unhealthyFor = Duration.between(agent.silentSince(), now);
      if (requestedSince || alertedRecently || unhealthyFor.compareTo(options.unhealthyAlertAfter()) <= 0) {
        continue;
      }
      String title = key.display() + " has been unhealthy for " + HumanDuration.of(unhealthyFor) + " without resurrection";
      emit(Alert.CRITICAL, title, title + ": " + judge.decide(agent).reason(), key.deployment(), now);
      state = state.withHistory(key, history.unhealthyAlerted(now));
    }
  }

  private DecisionMaker judge(Instant now) {
    return new DecisionMaker(state, context.fleet(), options, context.agentTimeout(), now);
  }

  private void emit(int severity, String title, String summary, String deployment, Instant now) {
    context.alerts().emit(ResurrectorAlerts.alert(severity, title, summary, deployment, now));
  }

  @Override
  public List<Map<String, Object>> decisions(Optional<String> deployment) {
    Instant now = context.clock().instant();
    return new DecisionsReport(new DecisionMaker(state, context.fleet(), options, context.agentTimeout(), now), state, context.fleet(), now).deployments(deployment);
  }
}
