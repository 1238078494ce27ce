package io.lazarus.director.cloudcheck;

import io.lazarus.core.manifest.DeploymentManifest;
import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.Lifecycle;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.instances.Instance;
import java.util.List;
import java.util.Set;

/**
 * Which instances should have a VM (BOSH's {@code expects_vm?}): those of service groups that are started or
 * stopped; detached instances and errands have none to check.
 */
final class VmExpectations {
  private static final Set<String> WITH_VM = Set.of("started", "stopped");

  private final DeploymentManifest manifest;

  private VmExpectations(DeploymentManifest manifest) {
    this.manifest = manifest;
  }

  static VmExpectations of(Deployment deployment) {
    return new VmExpectations(DeploymentManifest.parse(YamlDocument.parse("manifest of deployment '" + deployment.name() + "'", deployment.manifest())));
  }

  boolean expectsVm(Instance instance) {
    boolean service = manifest.instanceGroup(instance.group()).map(InstanceGroup::lifecycle).map(Lifecycle.SERVICE::equals).orElse(true);
    return service && WITH_VM.contains(instance.state());
  }

  List<Instance> expectingVm(List<Instance> instances) {
    return instances.stream().filter(this::expectsVm).toList();
  }
}
