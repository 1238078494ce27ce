package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.UpdatePolicy;
import io.lazarus.core.manifest.WatchTime;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The task behind {@code bosh recreate|stop|start|restart} in their default, converging form: an {@code
 * update_deployment} task ("create deployment"), as BOSH runs it (see {@link UpdateDeploymentJobs}). Under the
 * deployment lock, takes the selected instances of the stored deployment group by group in the manifest's order and
 * brings each that needs it to the asked state, canaries first, then at most {@code max_in_flight} at once (the
 * manifest's update block, or the request's {@code canaries} / {@code max_in_flight}). Ignored instances are left
 * alone with a warning; naming one is an error. A dry run only checks.
 */
public final class InstanceStateJob implements Job {
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);
  static final String IGNORED_WARNING = "You have ignored instances. They will not be changed.";

  /** The task payload; {@code group} is {@code *} for all, {@code instance} (uuid or index) null for the whole group. */
  record Payload(String deployment, String group, String instance, String state, boolean skipDrain, boolean fix, String canaries, String maxInFlight, boolean dryRun) {}

  private final Payload payload;
  private final DeployServices services;

  private InstanceStateJob(Payload payload, DeployServices services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(DeployServices services) {
    return (Task task) -> new InstanceStateJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, String group, String instance, TargetState state, boolean skipDrain, boolean fix, String canaries, String maxInFlight, boolean dryRun) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("deployment", deployment);
    payload.put("group", group);
    payload.put("instance", instance);
    payload.put("state", state.wireName());
    payload.put("skip_drain", skipDrain);
    payload.put("fix", fix);
    payload.put("canaries", canaries);
    payload.put("max_in_flight", maxInFlight);
    payload.put("dry_run", dryRun);
    return payload;
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    String name = payload.deployment();
    NewEvent event = NewEvent.of(ctx.username(), "update", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = services.locks().acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      Deployment deployment = services.deployments().find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
      TargetState target = TargetState.parse(payload.state());
      InstanceStateChange change = new InstanceStateChange(services);
      List<GroupWork> work = ctx.events().track("Preparing deployment", "Preparing deployment", () -> plan(deployment, target, change, ctx));
      if (!payload.dryRun()) {
        InstanceStateChange.Options options = new InstanceStateChange.Options(payload.skipDrain(), payload.fix());
        for (GroupWork group : work) {
          ctx.checkpoint();
          update(name, group, target, change, options, ctx);
        }
        services.events().record(event);
      }
      return "/deployments/" + name;
    } catch (Exception e) {
      services.events().record(event.withError(e.getMessage()));
      throw e;
    }
  }

  /** The instances of one group that change, and how many at once. */
  private record GroupWork(String group, List<Instance> changing, int canaries, int maxInFlight, WatchTime canaryWatchTime, WatchTime updateWatchTime) {}

  private List<GroupWork> plan(Deployment deployment, TargetState target, InstanceStateChange change, TaskContext ctx) {
    DeploymentManifest manifest = DeploymentManifest.parse(YamlDocument.parse("manifest of deployment '" + deployment.name() + "'", deployment.manifest()));
    List<Instance> all = services.instances().list(deployment.id());
    InstanceSelection selection = new InstanceSelection(deployment.name(), payload.group(), payload.instance());
    List<Instance> ignored = selection.groups(manifest).stream().flatMap(group -> selection.instancesOf(group.name(), all).stream()).filter(Instance::ignored).toList();
    if (payload.instance() != null && !ignored.isEmpty()) {
      throw new DirectorException(ErrorCode.DEPLOYMENT_IGNORED_INSTANCES_MODIFICATION,
          "You are trying to change the state of the ignored instance '" + ignored.getFirst().name() + "'. This operation is not allowed. You need to unignore it first.");
    }
    if (!ignored.isEmpty()) {
      ctx.events().warning(IGNORED_WARNING);
    }
    return selection.groups(manifest).stream()
        .map(group -> {
          List<Instance> selected = selection.instancesOf(group.name(), all);
          List<Instance> changing = selected.stream().filter(instance -> !instance.ignored() && change.changes(instance, target)).toList();
          UpdatePolicy policy = group.update().map(manifest.update()::overriddenBy).orElse(manifest.update());
          int groupSize = (int) all.stream().filter(instance -> instance.group().equals(group.name())).count();
          int canaries = count(payload.canaries(), policy.canaries(), groupSize, 0);
          int maxInFlight = count(payload.maxInFlight(), policy.maxInFlight(), groupSize, 1);
          return new GroupWork(group.name(), changing, Math.min(canaries, changing.size()), maxInFlight, policy.canaryWatchTime().orElseThrow(), policy.updateWatchTime().orElseThrow());
        })
        .filter(group -> !group.changing().isEmpty())
        .toList();
  }

  private static int count(String requested, Optional<CountOrPercent> configured, int groupSize, int minimum) {
    CountOrPercent value = requested != null ? CountOrPercent.parse(requested) : configured.orElse(CountOrPercent.count(minimum));
    return value.resolve(groupSize, minimum);
  }

  private void update(String deployment, GroupWork group, TargetState target, InstanceStateChange change, InstanceStateChange.Options options, TaskContext ctx) throws Exception {
    EventLog.Stage stage = ctx.events().stage("Updating instance", group.changing().size(), List.of(group.group()));
    List<Instance> canaries = group.changing().subList(0, group.canaries());
    List<Instance> rest = group.changing().subList(group.canaries(), group.changing().size());
    InFlight.run(stage, canaries, Math.max(1, canaries.size()), instance -> label(instance, true),
        instance -> change.apply(deployment, instance, target, options, group.canaryWatchTime(), true, ctx));
    InFlight.run(stage, rest, group.maxInFlight(), instance -> label(instance, false),
        instance -> change.apply(deployment, instance, target, options, group.updateWatchTime(), false, ctx));
  }

  /** {@code web/<uuid> (0)}, marked when a canary, as the deploy's event log names instances. */
  private static String label(Instance instance, boolean canary) {
    return instance.name() + " (" + instance.index() + ")" + (canary ? " (canary)" : "");
  }
}
