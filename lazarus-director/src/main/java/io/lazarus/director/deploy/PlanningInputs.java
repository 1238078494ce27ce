package io.lazarus.director.deploy;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.core.planning.AvailableStemcell;
import io.lazarus.core.planning.DirectorInventory;
import io.lazarus.core.planning.ExistingState;
import io.lazarus.core.planning.InstanceId;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.configs.Config;
import io.lazarus.director.configs.Configs;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.IpAddresses;
import io.lazarus.director.stemcells.Stemcells;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Gathers what the planner weighs a manifest against: the cloud-config, the uploaded artifacts, the addresses in use. */
final class PlanningInputs {
  private final Configs configs;
  private final ReleaseCatalog catalog;
  private final Stemcells stemcells;
  private final Deployments deployments;
  private final Instances instances;
  private final IpAddresses ips;

  PlanningInputs(Configs configs, ReleaseCatalog catalog, Stemcells stemcells, Deployments deployments, Instances instances, IpAddresses ips) {
    this.configs = configs;
    this.catalog = catalog;
    this.stemcells = stemcells;
    this.deployments = deployments;
    this.instances = instances;
    this.ips = ips;
  }

  record Loaded(CloudConfig cloud, DirectorInventory inventory, ExistingState existing, List<Long> cloudConfigIds) {}

  /**
   * The cloud-config {@code deploymentName} was last deployed with (even a version deleted since, which BOSH keeps
   * too), which decides where its instances' VMs are recreated; empty for a deployment never deployed.
   */
  Optional<CloudConfig> deployedCloud(String deploymentName) {
    return deployments.find(deploymentName)
        .flatMap(deployment -> deployment.cloudConfigIds().stream().findFirst())
        .flatMap(configs::version)
        .map(config -> CloudConfig.parse(YamlDocument.parse("cloud-config '" + config.name() + "'", config.content())));
  }

  Loaded load(String deploymentName) {
    List<Config> cloudConfigs = configs.list("cloud", null, true, Integer.MAX_VALUE);
    if (cloudConfigs.isEmpty()) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "No cloud-config uploaded: upload one with 'update-cloud-config' before deploying");
    }
    if (cloudConfigs.size() > 1) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Lazarus deploys against one cloud-config, but there are " + cloudConfigs.size() + " (names "
          + cloudConfigs.stream().map(Config::name).toList() + "); delete the extra ones with 'delete-config --type cloud --name NAME'");
    }
    Config cloudConfig = cloudConfigs.getFirst();
    CloudConfig cloud = CloudConfig.parse(YamlDocument.parse("cloud-config '" + cloudConfig.name() + "'", cloudConfig.content()));
    DirectorInventory inventory = new DirectorInventory(catalog.available(), stemcells.list().stream().map(s -> new AvailableStemcell(s.name(), s.operatingSystem(), s.version())).distinct().toList()); // one row per CPI
    return new Loaded(cloud, inventory, existing(deploymentName), List.of(cloudConfig.id()));
  }

  private ExistingState existing(String deploymentName) {
    Optional<Deployment> deployment = deployments.find(deploymentName);
    Map<Long, Instance> ours = new HashMap<>();
    deployment.ifPresent(d -> instances.list(d.id()).forEach(instance -> ours.put(instance.id(), instance)));
    Map<InstanceId, Map<String, Ipv4Address>> byInstance = new LinkedHashMap<>();
    Set<Ipv4Address> elsewhere = new HashSet<>();
    for (IpAddresses.IpAddress ip : ips.all()) {
      Instance instance = ours.get(ip.instanceId());
      if (instance == null) {
        elsewhere.add(Ipv4Address.parse(ip.address()));
      } else {
        byInstance.computeIfAbsent(new InstanceId(instance.group(), instance.index()), id -> new LinkedHashMap<>()).put(ip.network(), Ipv4Address.parse(ip.address()));
      }
    }
    return new ExistingState(byInstance, elsewhere);
  }
}
