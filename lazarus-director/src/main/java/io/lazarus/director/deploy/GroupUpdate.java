package io.lazarus.director.deploy;

import io.lazarus.core.planning.InstanceId;
import io.lazarus.core.planning.InstanceNetwork;
import io.lazarus.core.planning.LinkBinding;
import io.lazarus.core.planning.PlannedInstance;
import io.lazarus.core.planning.PlannedInstanceGroup;
import io.lazarus.core.planning.PlannedJob;
import io.lazarus.cpi.Network;
import io.lazarus.director.deploy.ApplySpecs.JobRef;
import io.lazarus.director.deploy.DeployJob.Planned;
import io.lazarus.director.deploy.PackageCompiler.Compiled;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseContent;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseJob;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.stemcells.Stemcell;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import io.lazarus.director.templates.InstanceSpec;
import io.lazarus.director.templates.LinkInstance;
import io.lazarus.director.templates.NetworkSpec;
import io.lazarus.director.templates.ResolvedLink;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converges one instance group: compiles its packages for its stemcell, renders each instance's jobs, and updates
 * the instances that changed, canaries first, then at most {@code max_in_flight} at once. With {@code fix}, an
 * instance whose agent does not answer is recreated rather than failing the deploy.
 */
final class GroupUpdate {
  private final DeployServices services;
  private final String deployment;
  private final Planned planned;
  private final Map<String, ReleaseContent> releases;
  private final Map<InstanceId, Instance> instances;
  private final JobSources sources;
  private final CompilationVms compilationVms;
  private final DeployOptions options;

  GroupUpdate(DeployServices services, String deployment, Planned planned, Map<String, ReleaseContent> releases, Map<InstanceId, Instance> instances, JobSources sources, CompilationVms compilationVms, DeployOptions options) {
    this.services = services;
    this.deployment = deployment;
    this.planned = planned;
    this.releases = releases;
    this.instances = instances;
    this.sources = sources;
    this.compilationVms = compilationVms;
    this.options = options;
  }

  void update(PlannedInstanceGroup group, TaskContext ctx) throws Exception {
    List<Stemcell> copies = planned.stemcells().get(group.stemcell().alias());
    Stemcell stemcell = copies.getFirst(); // name, version, os and api version are the same in every CPI
    CpiPlacement placement = planned.placement();
    VmCreator.Stemcell compileOn = placement.bootStemcell(copies, placement.compilationCpi()).orElseThrow(); // checked when planning
    Map<String, Compiled> packages = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> release : jobsByRelease(group).entrySet()) {
      packages.putAll(services.packageCompiler().compile(releases.get(release.getKey()), release.getValue(), compileOn, stemcell.operatingSystem(), stemcell.version(), compilationVms, ctx));
    }
    InstanceUpdater updater = services.instanceUpdater();
    int canaries = options.canaries(group);
    List<DesiredInstance> changing = new ArrayList<>();
    Set<Long> lost = new HashSet<>();
    for (PlannedInstance instance : group.instances()) {
      VmCreator.Stemcell vmStemcell = placement.bootStemcell(copies, placement.cpiFor(instance.az())).orElseThrow(); // checked when planning
      DesiredInstance desired = desired(group, instance, stemcell, vmStemcell, packages, changing.size() < canaries);
      if (options.fix() && updater.agentLost(desired)) {
        lost.add(desired.instance().id());
      }
      if (updater.needsUpdate(desired, options.recreate() || lost.contains(desired.instance().id()), options.recreatePersistentDisks())) {
        changing.add(desired);
      }
    }
    if (changing.isEmpty()) {
      return;
    }
    int inCanary = Math.min(canaries, changing.size());
    EventLog.Stage stage = ctx.events().stage("Updating instance", changing.size(), List.of(group.name()));
    InFlight.run(stage, changing.subList(0, inCanary), inCanary, DesiredInstance::label,
        desired -> updater.update(deployment, desired, mode(desired, lost), Optional.of(group.update().canaryWatchTime()), ctx));
    InFlight.run(stage, changing.subList(inCanary, changing.size()), options.maxInFlight(group), DesiredInstance::label,
        desired -> updater.update(deployment, desired, mode(desired, lost), Optional.of(group.update().updateWatchTime()), ctx));
  }

  private InstanceUpdater.Mode mode(DesiredInstance desired, Set<Long> lost) {
    boolean agentLost = lost.contains(desired.instance().id());
    return new InstanceUpdater.Mode(options.recreate() || agentLost, agentLost, options.skipDrain().appliesTo(desired.instance()), options.recreatePersistentDisks());
  }

  private static Map<String, List<String>> jobsByRelease(PlannedInstanceGroup group) {
    Map<String, List<String>> byRelease = new LinkedHashMap<>();
    group.jobs().forEach(job -> byRelease.computeIfAbsent(job.release(), r -> new ArrayList<>()).add(job.name()));
    return byRelease;
  }

  private DesiredInstance desired(PlannedInstanceGroup group, PlannedInstance planned, Stemcell stemcell, VmCreator.Stemcell vmStemcell, Map<String, Compiled> packages, boolean canary) throws Exception {
    Instance instance = instances.get(planned.id());
    Map<String, Network> networks = new LinkedHashMap<>();
    Map<String, NetworkSpec> networkSpecs = new LinkedHashMap<>();
    for (InstanceNetwork network : planned.networks()) {
      String ip = network.ip().map(Object::toString).orElse(null);
      String netmask = network.range().map(range -> range.netmask().toString()).orElse(null);
      String gateway = network.gateway().map(Object::toString).orElse(null);
      networks.put(network.name(), new Network(network.type(), ip, netmask, gateway, network.dns(), network.defaults(), network.cloudProperties()));
      networkSpecs.put(network.name(), new NetworkSpec(ip, netmask, gateway, network.defaults()));
    }
    String address = networks.values().stream().filter(Network::providesGateway).findFirst().or(() -> networks.values().stream().findFirst()).map(Network::ip).orElse(null);
    int diskMb = group.persistentDisk().map(disk -> (int) disk.sizeMb()).orElse(0);
    InstanceSpec spec = new InstanceSpec(deployment, group.name(), instance.index(), instance.uuid(), instance.az(), address, address, instance.bootstrap(), networkSpecs, diskMb);
    List<InstanceRenderer.JobInput> jobs = new ArrayList<>();
    List<JobRef> jobRefs = new ArrayList<>();
    for (PlannedJob job : group.jobs()) {
      ReleaseContent release = releases.get(job.release());
      ReleaseJob releaseJob = release.jobs().get(job.name());
      jobs.add(new InstanceRenderer.JobInput(sources.templates(release, job.name()), job.properties(), links(job)));
      jobRefs.add(new JobRef(job.name(), releaseJob.row().version(), releaseJob.row().sha1(), releaseJob.row().blobstoreId()));
    }
    RenderedInstance rendered = services.instanceRenderer().render(spec, jobs, sources.scratch());
    Map<String, Object> cloudProperties = new LinkedHashMap<>(group.vmCloudProperties());
    cloudProperties.putAll(planned.azCloudProperties());
    Map<String, Object> vmType = Map.of("name", group.vmType(), "cloud_properties", cloudProperties);
    Map<String, Object> stemcellSpec = new LinkedHashMap<>();
    stemcellSpec.put("name", stemcell.name());
    stemcellSpec.put("version", stemcell.version());
    stemcellSpec.put("api_version", stemcell.apiVersion());
    Map<String, Object> applySpec = ApplySpecs.of(deployment, instance, jobRefs, networks, packages, rendered, diskMb, vmType, stemcellSpec, group.env());
    Optional<DesiredInstance.Disk> disk = group.persistentDisk().map(d -> new DesiredInstance.Disk((int) d.sizeMb(), d.cloudProperties()));
    return new DesiredInstance(instance, vmStemcell, cloudProperties, networks, disk, applySpec, rendered.blobstoreId(), canary);
  }

  /** The job's consumed links with the instances of the providing group, as templates read them. */
  private Map<String, ResolvedLink> links(PlannedJob job) {
    Map<String, ResolvedLink> links = new LinkedHashMap<>();
    for (LinkBinding binding : job.consumes()) {
      if (binding instanceof LinkBinding.Bound bound) {
        List<LinkInstance> providers = new ArrayList<>();
        String firstAddress = null;
        for (Map.Entry<InstanceId, Instance> entry : instances.entrySet()) {
          if (!entry.getKey().group().equals(bound.provider().instanceGroup())) {
            continue;
          }
          Instance provider = entry.getValue();
          String ip = addressOf(entry.getKey(), bound.network());
          firstAddress = firstAddress == null ? ip : firstAddress;
          providers.add(new LinkInstance(provider.group(), provider.uuid(), provider.index(), provider.az(), ip, provider.bootstrap()));
        }
        links.put(bound.name(), new ResolvedLink(firstAddress, providers, bound.provider().properties()));
      }
    }
    return links;
  }

  /** The planned address of an instance on the given network, or on its default network. */
  private String addressOf(InstanceId id, Optional<String> network) {
    for (PlannedInstanceGroup group : planned.plan().instanceGroups()) {
      for (PlannedInstance instance : group.instances()) {
        if (instance.id().equals(id)) {
          return instance.networks().stream()
              .filter(n -> network.map(name -> n.name().equals(name)).orElse(n.defaults().contains("gateway") || instance.networks().size() == 1))
              .findFirst()
              .flatMap(InstanceNetwork::ip)
              .map(Object::toString)
              .orElse(null);
        }
      }
    }
    return null;
  }
}
