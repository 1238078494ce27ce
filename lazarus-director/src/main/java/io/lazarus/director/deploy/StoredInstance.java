package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.Network;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.stemcells.Stemcell;
import io.lazarus.director.stemcells.Stemcells;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.type.TypeReference;

/**
 * An instance as it was last deployed, turned back into a {@link DesiredInstance}: the stored full apply spec holds
 * the VM's stemcell, type (with the AZ's cloud properties), networks and disk size, which is what recreating its VM
 * with the same identity, addresses, disk and jobs needs, without planning the manifest again. The VM goes to the CPI
 * its AZ names in the cloud-config the deployment was last deployed with (as BOSH's cloud factory for a deployment),
 * which is where its persistent disk is.
 */
final class StoredInstance {
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final DeployServices services;
  private final Stemcells stemcells;
  private final PersistentDisks disks;

  StoredInstance(DeployServices services) {
    this.services = services;
    this.stemcells = services.stemcells();
    this.disks = services.disks();
  }

  /** The desired instance for {@code instance} of {@code deployment}, with {@code state} as the state it should end in. */
  DesiredInstance desired(String deployment, Instance instance, String state, boolean canary) {
    Map<String, Object> spec = instance.spec()
        .map(text -> Json.mapper().readValue(text, MAP))
        .orElseThrow(() -> new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "instance '" + instance.name() + "' was never deployed; deploy the manifest first"));
    Map<String, Object> stemcellSpec = child(spec, "stemcell");
    String name = String.valueOf(stemcellSpec.get("name"));
    String version = String.valueOf(stemcellSpec.get("version"));
    List<Stemcell> copies = stemcells.findAll(name, version);
    if (copies.isEmpty()) {
      throw new DirectorException(ErrorCode.STEMCELL_NOT_FOUND, "Stemcell '" + name + "/" + version + "' of instance '" + instance.name() + "' doesn't exist");
    }
    CpiPlacement placement = new CpiPlacement(services.cpis(), services.planningInputs().deployedCloud(deployment));
    String cpi = placement.cpiFor(Optional.ofNullable(instance.az()));
    if (!services.cpis().isKnown(cpi)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "instance '" + instance.name() + "' lives in CPI '" + cpi + "' (az '" + instance.az() + "'), which is no longer configured");
    }
    VmCreator.Stemcell stemcell = placement.bootStemcell(copies, cpi)
        .orElseThrow(() -> new DirectorException(ErrorCode.STEMCELL_NOT_FOUND, "Stemcell '" + name + "/" + version + "' of instance '" + instance.name() + "' is not in CPI '" + cpi
            + "'; upload the stemcell again: an upload adds it to every CPI that lacks it"));
    Map<String, Object> cloudProperties = child(child(spec, "vm_type"), "cloud_properties");
    int diskMb = spec.get("persistent_disk") instanceof Number size ? size.intValue() : 0;
    Optional<PersistentDisk> disk = disks.forInstance(instance.id()).stream().filter(PersistentDisk::active).findFirst();
    Optional<DesiredInstance.Disk> wantedDisk = diskMb > 0
        ? Optional.of(new DesiredInstance.Disk(diskMb, disk.map(PersistentDisk::cloudProperties).orElse(Map.of())))
        : Optional.empty();
    String renderedBlobId = String.valueOf(child(spec, "rendered_templates_archive").get("blobstore_id"));
    Instance target = new Instance(instance.id(), instance.deploymentId(), instance.group(), instance.index(), instance.uuid(), instance.az(), state, instance.bootstrap(), instance.ignored(), instance.spec());
    return new DesiredInstance(target, stemcell, cloudProperties, networks(spec), wantedDisk, spec, renderedBlobId, canary);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Network> networks(Map<String, Object> spec) {
    Map<String, Network> networks = new LinkedHashMap<>();
    child(spec, "networks").forEach((name, value) -> {
      Map<String, Object> network = value instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
      networks.put(name, new Network(
          (String) network.get("type"),
          (String) network.get("ip"),
          (String) network.get("netmask"),
          (String) network.get("gateway"),
          (List<String>) network.get("dns"),
          (List<String>) network.get("default"),
          child(network, "cloud_properties")));
    });
    return networks;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> map, String key) {
    return map.get(key) instanceof Map<?, ?> child ? (Map<String, Object>) child : Map.of();
  }
}
