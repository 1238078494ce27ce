package io.lazarus.core.planning;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.item;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.cloudconfig.DiskType;
import io.lazarus.core.cloudconfig.VmExtension;
import io.lazarus.core.cloudconfig.VmType;
import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.ManifestJob;
import io.lazarus.core.manifest.ReleaseRef;
import io.lazarus.core.manifest.StemcellRef;
import io.lazarus.core.manifest.UpdatePolicy;
import io.lazarus.core.yaml.YamlValues;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns a manifest, a cloud-config and the Director's inventory into a {@link DeploymentPlan}, or into the list of
 * every problem found. Pure: nothing is read or changed outside the arguments, and the same arguments give the same
 * result. Thread-safe (no state between calls).
 */
public final class DeploymentPlanner {
  private DeploymentPlanner() {}

  /**
   * Plans a deployment.
   *
   * @param existing the deployment's current instances and their addresses, and addresses used elsewhere; use
   *     {@link ExistingState#NONE} for a first deploy
   */
  public static PlanningResult plan(DeploymentManifest manifest, CloudConfig cloud, DirectorInventory inventory, ExistingState existing) {
    return new Run(manifest, cloud, inventory, existing).plan();
  }

  /** The state of one planning run; discarded afterwards. */
  private static final class Run {
    private final DeploymentManifest manifest;
    private final CloudConfig cloud;
    private final DirectorInventory inventory;
    private final ExistingState existing;
    private final Problems problems;
    private final Map<String, ResolvedRelease> releases = new LinkedHashMap<>();
    private final Map<String, ResolvedStemcell> stemcells = new LinkedHashMap<>();

    Run(DeploymentManifest manifest, CloudConfig cloud, DirectorInventory inventory, ExistingState existing) {
      this.manifest = manifest;
      this.cloud = cloud;
      this.inventory = inventory;
      this.existing = existing;
      this.problems = new Problems(manifest.document());
    }

    PlanningResult plan() {
      resolveReleases();
      resolveStemcells();
      Set<String> groupsWithUnknownAzs = new HashSet<>();
      List<JobContext> jobs = new ArrayList<>();
      for (InstanceGroup group : manifest.instanceGroups()) {
        if (!checkAzs(group)) {
          groupsWithUnknownAzs.add(group.name());
        }
        checkCloudReferences(group);
        jobs.addAll(resolveJobs(group));
      }
      List<InstanceId> toDelete = instancesToDelete();
      NetworkAssignment networks = new NetworkAssignment(cloud, existing, problems);
      networks.assign(manifest.instanceGroups(), groupsWithUnknownAzs);
      boolean jobsMissing = jobs.size() < manifest.instanceGroups().stream().mapToInt(g -> g.jobs().size()).sum();
      List<LinkWiring.Wiring> wiring = new LinkWiring(manifest.name(), problems, jobsMissing).wire(jobs);
      if (problems.count() > 0) {
        return new PlanningResult.Refused(problems.all());
      }
      List<PlannedInstanceGroup> groups = new ArrayList<>();
      for (InstanceGroup group : manifest.instanceGroups()) {
        groups.add(plannedGroup(group, jobs, wiring, networks));
      }
      return new PlanningResult.Planned(new DeploymentPlan(manifest.name(), List.copyOf(releases.values()), List.copyOf(stemcells.values()), List.copyOf(groups), toDelete));
    }

    private void resolveReleases() {
      for (int i = 0; i < manifest.releases().size(); i++) {
        ReleaseRef wanted = manifest.releases().get(i);
        List<String> uploaded = inventory.releases().stream().filter(r -> r.name().equals(wanted.name())).map(AvailableRelease::version).toList();
        String path = item("releases", i);
        if (uploaded.isEmpty()) {
          problems.add(path, "release '" + wanted.name() + "' is not uploaded to this director; upload it with 'bosh upload-release'"
              + Wording.didYouMean(wanted.name(), inventory.releases().stream().map(AvailableRelease::name).distinct().toList()));
        } else if (wanted.isLatest()) {
          releases.put(wanted.name(), new ResolvedRelease(wanted.name(), VersionOrder.newest(uploaded).orElseThrow()));
        } else if (uploaded.contains(wanted.version())) {
          releases.put(wanted.name(), new ResolvedRelease(wanted.name(), wanted.version()));
        } else {
          problems.add(child(path, "version"), "release '" + wanted.name() + "' version '" + wanted.version() + "' is not uploaded (uploaded versions: "
              + Wording.list(uploaded.stream().sorted(VersionOrder.INSTANCE).toList()) + ")");
        }
      }
    }

    private void resolveStemcells() {
      for (int i = 0; i < manifest.stemcells().size(); i++) {
        StemcellRef wanted = manifest.stemcells().get(i);
        List<AvailableStemcell> matching = inventory.stemcells().stream()
            .filter(s -> wanted.os().map(os -> os.equals(s.operatingSystem())).orElseGet(() -> wanted.name().orElseThrow().equals(s.name())))
            .toList();
        String path = item("stemcells", i);
        Optional<AvailableStemcell> chosen = wanted.isLatest()
            ? matching.stream().max((a, b) -> VersionOrder.INSTANCE.compare(a.version(), b.version()))
            : matching.stream().filter(s -> s.version().equals(wanted.version())).findFirst();
        if (chosen.isPresent()) {
          AvailableStemcell stemcell = chosen.get();
          stemcells.put(wanted.alias(), new ResolvedStemcell(wanted.alias(), stemcell.name(), stemcell.operatingSystem(), stemcell.version()));
        } else if (matching.isEmpty()) {
          problems.add(path, "no stemcell with " + wanted.selector() + " is uploaded to this director; upload one with 'bosh upload-stemcell'");
        } else {
          problems.add(child(path, "version"), "stemcell with " + wanted.selector() + " version '" + wanted.version() + "' is not uploaded (uploaded versions: "
              + Wording.list(matching.stream().map(AvailableStemcell::version).sorted(VersionOrder.INSTANCE).toList()) + ")");
        }
      }
    }

    /** True when the group's azs can be used: every one exists, and they are listed when the cloud-config has azs. */
    private boolean checkAzs(InstanceGroup group) {
      int before = problems.count();
      if (group.azs().isEmpty() && !cloud.azs().isEmpty()) {
        problems.add(group.path(), "instance group '" + group.name() + "' lists no 'azs', but the cloud-config defines azs (" + Wording.list(cloud.azNames())
            + "); list the azs to place its instances in");
      }
      for (int i = 0; i < group.azs().size(); i++) {
        String az = group.azs().get(i);
        if (cloud.az(az).isEmpty()) {
          problems.add(item(child(group.path(), "azs"), i), "instance group '" + group.name() + "': az '" + az + "' is not defined in the cloud-config (defined: "
              + Wording.list(cloud.azNames()) + ")" + Wording.didYouMean(az, cloud.azNames()));
        }
      }
      return problems.count() == before;
    }

    private void checkCloudReferences(InstanceGroup group) {
      String subject = "instance group '" + group.name() + "': ";
      if (cloud.vmType(group.vmType()).isEmpty()) {
        problems.add(child(group.path(), "vm_type"), subject + "vm_type '" + group.vmType() + "' is not defined in the cloud-config (defined: " + Wording.list(cloud.vmTypeNames()) + ")"
            + Wording.didYouMean(group.vmType(), cloud.vmTypeNames()));
      }
      for (int i = 0; i < group.vmExtensions().size(); i++) {
        String extension = group.vmExtensions().get(i);
        if (cloud.vmExtension(extension).isEmpty()) {
          problems.add(item(child(group.path(), "vm_extensions"), i), subject + "vm_extension '" + extension + "' is not defined in the cloud-config (defined: "
              + Wording.list(cloud.vmExtensionNames()) + ")" + Wording.didYouMean(extension, cloud.vmExtensionNames()));
        }
      }
      group.persistentDiskType().filter(type -> cloud.diskType(type).isEmpty()).ifPresent(type ->
          problems.add(child(group.path(), "persistent_disk_type"), subject + "disk_type '" + type + "' is not defined in the cloud-config (defined: " + Wording.list(cloud.diskTypeNames()) + ")"
              + Wording.didYouMean(type, cloud.diskTypeNames())));
    }

    /** The group's jobs whose release job was found, with their properties resolved; problems for the rest. */
    private List<JobContext> resolveJobs(InstanceGroup group) {
      List<JobContext> contexts = new ArrayList<>();
      for (int j = 0; j < group.jobs().size(); j++) {
        ManifestJob job = group.jobs().get(j);
        ResolvedRelease release = releases.get(job.release());
        if (release == null) {
          continue; // the release itself was reported missing
        }
        AvailableRelease uploaded = inventory.releases().stream().filter(r -> r.name().equals(release.name()) && r.version().equals(release.version())).findFirst().orElseThrow();
        Optional<JobSpec> spec = uploaded.job(job.name());
        if (spec.isEmpty()) {
          List<String> jobNames = uploaded.jobs().stream().map(JobSpec::name).toList();
          problems.add(child(job.path(), "name"), "instance group '" + group.name() + "': job '" + job.name() + "' is not in release '" + release.name() + "' version '" + release.version()
              + "' (its jobs: " + Wording.list(jobNames) + ")" + Wording.didYouMean(job.name(), jobNames));
          continue;
        }
        String specOf = "the job's spec (release '" + release.name() + "' version '" + release.version() + "')";
        for (PropertyResolution.Undeclared undeclared : PropertyResolution.undeclared(spec.get(), job.properties())) {
          String subject = "job '" + job.name() + "' in instance group '" + group.name() + "': property '" + undeclared.name() + "' ";
          String hint = Wording.closest(undeclared.name(), spec.get().propertyNames()).map(c -> "did you mean '" + c + "'?").orElse("remove it or correct its name");
          problems.add(child(child(job.path(), "properties"), undeclared.name()), undeclared.declaredBelow().isEmpty()
              ? subject + "is not declared in " + specOf + ", so no template can read it; " + hint
              : subject + "must be a mapping: " + specOf + " declares " + Wording.list(undeclared.declaredBelow()) + " under it");
        }
        PropertyResolution.Resolved properties = PropertyResolution.resolve(spec.get(), List.of(job.properties(), group.properties(), manifest.properties()));
        List<String> levelPaths = List.of(child(job.path(), "properties"), child(group.path(), "properties"), "properties");
        for (PropertyResolution.NotAHash notAHash : properties.notHashes()) {
          // The job's own level is checked against the spec above: a value where declared names go below must be a mapping.
          if (notAHash.level() > 0) {
            problems.add(child(levelPaths.get(notAHash.level()), notAHash.at()), "job '" + job.name() + "' in instance group '" + group.name() + "': " + notAHash.message());
          }
        }
        contexts.add(new JobContext(group, job, spec.get(), release.version(), properties.properties()));
      }
      return contexts;
    }

    /** Existing instances the manifest no longer wants: indexes at or above the new size, and removed groups. */
    private List<InstanceId> instancesToDelete() {
      Map<String, Integer> sizes = new HashMap<>();
      manifest.instanceGroups().forEach(g -> sizes.put(g.name(), g.instances()));
      return existing.instances().keySet().stream().filter(id -> id.index() >= sizes.getOrDefault(id.group(), 0)).sorted().toList();
    }

    private PlannedInstanceGroup plannedGroup(InstanceGroup group, List<JobContext> jobs, List<LinkWiring.Wiring> wiring, NetworkAssignment networks) {
      List<PlannedJob> plannedJobs = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        JobContext context = jobs.get(i);
        if (context.group() == group) {
          plannedJobs.add(new PlannedJob(context.job().name(), context.job().release(), context.releaseVersion(), context.spec().templates(), context.properties(),
              wiring.get(i).consumes(), wiring.get(i).provides()));
        }
      }
      List<PlannedInstance> instances = new ArrayList<>();
      for (int index = 0; index < group.instances(); index++) {
        String az = NetworkAssignment.azOf(group, index);
        Map<String, Object> azProperties = az == null ? Map.of() : cloud.az(az).orElseThrow().cloudProperties();
        instances.add(new PlannedInstance(new InstanceId(group.name(), index), Optional.ofNullable(az), azProperties, index == 0, networks.networksOf(group, index)));
      }
      VmType vmType = cloud.vmType(group.vmType()).orElseThrow();
      Map<String, Object> vmCloudProperties = vmType.cloudProperties();
      for (String extension : group.vmExtensions()) {
        vmCloudProperties = deepMerge(vmCloudProperties, cloud.vmExtension(extension).map(VmExtension::cloudProperties).orElseThrow());
      }
      return new PlannedInstanceGroup(group.name(), group.lifecycle(), resolveUpdate(group), group.vmType(), group.vmExtensions(), vmCloudProperties,
          stemcells.get(group.stemcell()), persistentDisk(group), group.env(), List.copyOf(plannedJobs), List.copyOf(instances));
    }

    private Optional<PlannedDisk> persistentDisk(InstanceGroup group) {
      if (group.persistentDiskType().isPresent()) {
        DiskType type = cloud.diskType(group.persistentDiskType().get()).orElseThrow();
        return Optional.of(new PlannedDisk(type.diskSizeMb(), Optional.of(type.name()), type.cloudProperties()));
      }
      return group.persistentDiskMb().map(size -> new PlannedDisk(size, Optional.empty(), Map.of()));
    }

    private ResolvedUpdate resolveUpdate(InstanceGroup group) {
      UpdatePolicy policy = group.update().map(manifest.update()::overriddenBy).orElse(manifest.update());
      int size = group.instances();
      int canaries = Math.min(policy.canaries().orElseThrow().resolve(size, 0), size);
      int maxInFlight = Math.max(1, Math.min(policy.maxInFlight().orElseThrow().resolve(size, 1), size));
      return new ResolvedUpdate(canaries, maxInFlight, policy.canaryWatchTime().orElseThrow(), policy.updateWatchTime().orElseThrow(), policy.serial().orElse(true),
          policy.vmStrategy().orElse("delete-create"));
    }

    /** BOSH merges vm_extension cloud properties into the vm_type's deeply: nested mappings are merged, other values replaced. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
      Map<String, Object> merged = new LinkedHashMap<>(base);
      overlay.forEach((key, value) -> {
        Object current = merged.get(key);
        merged.put(key, current instanceof Map<?, ?> a && value instanceof Map<?, ?> b ? deepMerge((Map<String, Object>) a, (Map<String, Object>) b) : value);
      });
      return YamlValues.frozenMap(merged);
    }
  }
}
