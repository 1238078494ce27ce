package io.lazarus.director.deploy;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.json.Json;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.planning.DeploymentPlan;
import io.lazarus.core.planning.InstanceId;
import io.lazarus.core.planning.PlannedInstanceGroup;
import io.lazarus.core.planning.PlanningResult;
import io.lazarus.core.planning.ResolvedRelease;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseContent;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.events.NewEvent;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.stemcells.Stemcell;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Task {@code update_deployment} ("create deployment"): plans the manifest against the cloud-config and what the
 * Director holds, and refuses with every problem before anything in the cloud changes; then, under the deployment
 * lock, compiles packages, renders jobs, updates instance groups one after the other (canaries first, then at most
 * {@code max_in_flight} at once), deletes instances the manifest no longer wants, and records the deployment.
 */
public final class DeployJob implements Job {
  public static final String TYPE = "update_deployment";
  public static final String DESCRIPTION = "create deployment";
  private static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

  /** The task payload: the manifest text and the deploy options ({@link DeployOptions}). */
  record Payload(String manifest, boolean recreate, boolean dryRun, boolean fix, boolean recreatePersistentDisks, String skipDrain, String canaries, String maxInFlight) {
    DeployOptions options() {
      return new DeployOptions(recreate, recreatePersistentDisks, fix, dryRun, SkipDrain.parse(skipDrain), canaries, maxInFlight);
    }
  }

  private final Payload payload;
  private final DeployServices services;

  private DeployJob(Payload payload, DeployServices services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(DeployServices services) {
    return (Task task) -> new DeployJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String manifest, DeployOptions options) {
    Map<String, Object> payload = new HashMap<>();
    payload.put("manifest", manifest);
    payload.put("recreate", options.recreate());
    payload.put("dry_run", options.dryRun());
    payload.put("fix", options.fix());
    payload.put("recreate_persistent_disks", options.recreatePersistentDisks());
    payload.put("skip_drain", options.skipDrain().asParameter());
    payload.put("canaries", options.canariesOverride());
    payload.put("max_in_flight", options.maxInFlightOverride());
    return payload;
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    DeploymentManifest manifest = DeploymentManifest.parse(YamlDocument.parse("manifest", payload.manifest()));
    String name = manifest.name();
    NewEvent event = NewEvent.of(ctx.username(), services.deployments().find(name).isPresent() ? "update" : "create", "deployment", name).withDeployment(name).withTask(ctx.taskId());
    try (Lock lock = services.locks().acquire(Locks.deploymentLock(name), ctx.taskId(), LOCK_TIMEOUT)) {
      Planned planned = ctx.events().track("Preparing deployment", "Preparing deployment", () -> plan(manifest));
      if (payload.dryRun()) {
        return "/deployments/" + name;
      }
      Deployment deployment = services.deployments().find(name).orElseGet(() -> services.deployments().save(name, "", List.of(), List.of(), List.of()));
      Map<InstanceId, Instance> instances = instanceRows(deployment, planned.plan());
      try (JobSources sources = new JobSources(services.blobstore(), services.scratch());
          CompilationVms compilationVms = new CompilationVms(services.vmCreator(), planned.cloud(), planned.takenIps(), ctx)) {
        Map<String, ReleaseContent> releases = new LinkedHashMap<>();
        for (ResolvedRelease release : planned.plan().releases()) {
          releases.put(release.name(), services.catalog().content(release.name(), release.version()));
        }
        GroupUpdate groups = new GroupUpdate(services, name, planned, releases, instances, sources, compilationVms, payload.options());
        for (PlannedInstanceGroup group : planned.plan().instanceGroups()) {
          ctx.checkpoint();
          groups.update(group, ctx);
        }
      }
      deleteUnwanted(deployment, planned.plan(), ctx);
      services.deployments().save(name, payload.manifest(), planned.releaseVersionIds(), planned.stemcellIds(), planned.cloudConfigIds());
      services.events().record(event);
      return "/deployments/" + name;
    } catch (Exception e) {
      services.events().record(event.withError(e.getMessage()));
      throw e;
    }
  }

  /** The plan, and what was planned against; {@code stemcells} holds each alias's rows, one per CPI. */
  record Planned(DeploymentPlan plan, CloudConfig cloud, CpiPlacement placement, Set<Ipv4Address> takenIps, Map<String, List<Stemcell>> stemcells, List<Long> releaseVersionIds, List<Long> stemcellIds,
      List<Long> cloudConfigIds) {}

  private Planned plan(DeploymentManifest manifest) {
    PlanningInputs.Loaded inputs = services.planningInputs().load(manifest.name());
    PlanningResult result = io.lazarus.core.planning.DeploymentPlanner.plan(manifest, inputs.cloud(), inputs.inventory(), inputs.existing());
    if (result instanceof PlanningResult.Refused refused) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Deployment manifest has problems; nothing was changed:\n" + refused.describe());
    }
    DeploymentPlan plan = ((PlanningResult.Planned) result).plan();
    Map<String, List<Stemcell>> stemcells = new HashMap<>();
    List<Long> stemcellIds = new ArrayList<>();
    for (var stemcell : plan.stemcells()) {
      List<Stemcell> copies = services.stemcells().findAll(stemcell.name(), stemcell.version());
      stemcells.put(stemcell.alias(), copies);
      copies.forEach(copy -> stemcellIds.add(copy.id()));
    }
    CpiPlacement placement = new CpiPlacement(services.cpis(), Optional.of(inputs.cloud()));
    List<String> problems = placement.problems(plan, stemcells, id -> existingDisks(manifest.name(), id));
    if (!problems.isEmpty()) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Deployment manifest has problems; nothing was changed:\n" + String.join("\n", problems));
    }
    List<Long> versionIds = new ArrayList<>();
    for (ResolvedRelease release : plan.releases()) {
      versionIds.add(services.catalog().content(release.name(), release.version()).versionId());
    }
    Set<Ipv4Address> taken = new HashSet<>(inputs.existing().ipsUsedElsewhere());
    plan.instanceGroups().forEach(group -> group.instances().forEach(instance -> instance.networks().forEach(network -> network.ip().ifPresent(taken::add))));
    inputs.existing().instances().values().forEach(addresses -> taken.addAll(addresses.values()));
    return new Planned(plan, inputs.cloud(), placement, taken, stemcells, versionIds, stemcellIds, inputs.cloudConfigIds());
  }

  /** The persistent disks of instance {@code id} of the deployment as it is now (none for a new one). */
  private List<PersistentDisk> existingDisks(String deployment, InstanceId id) {
    return services.deployments().find(deployment)
        .flatMap(d -> services.instances().find(d.id(), id.group(), String.valueOf(id.index())))
        .map(instance -> services.disks().forInstance(instance.id()))
        .orElse(List.of());
  }

  /** Finds or creates the row of every planned instance, so links and templates can name them by uuid. */
  private Map<InstanceId, Instance> instanceRows(Deployment deployment, DeploymentPlan plan) {
    Map<InstanceId, Instance> rows = new LinkedHashMap<>();
    for (PlannedInstanceGroup group : plan.instanceGroups()) {
      for (var planned : group.instances()) {
        InstanceId id = planned.id();
        Instance row = services.instances().find(deployment.id(), id.group(), String.valueOf(id.index()))
            .orElseGet(() -> services.instances().create(deployment.id(), id.group(), id.index(), UUID.randomUUID().toString(), planned.az().orElse(null), "started", planned.bootstrap()));
        rows.put(id, row);
      }
    }
    return rows;
  }

  private void deleteUnwanted(Deployment deployment, DeploymentPlan plan, TaskContext ctx) throws Exception {
    List<Instance> unwanted = new ArrayList<>();
    for (InstanceId id : plan.instancesToDelete()) {
      services.instances().find(deployment.id(), id.group(), String.valueOf(id.index())).ifPresent(unwanted::add);
    }
    if (unwanted.isEmpty()) {
      return;
    }
    EventLog.Stage stage = ctx.events().stage("Deleting unneeded instances", unwanted.size(), List.of());
    InFlight.run(stage, unwanted, 10, Instance::name, instance -> services.instanceDeleter().delete(instance, deployment.name(), false, ctx));
  }
}
