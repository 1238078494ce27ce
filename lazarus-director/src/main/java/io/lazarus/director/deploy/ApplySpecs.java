package io.lazarus.director.deploy;

import io.lazarus.cpi.Network;
import io.lazarus.director.deploy.PackageCompiler.Compiled;
import io.lazarus.director.instances.Instance;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * BOSH's apply spec (reference §6.4): what the agent installs and reports back in get_state, stored whole as the
 * instance's last-known spec (with the VM's stemcell and type, which recreating it needs).
 */
final class ApplySpecs {
  private ApplySpecs() {}

  /** A job of the instance as {@code job.templates} lists it. */
  record JobRef(String name, String version, String sha1, String blobstoreId) {}

  static Map<String, Object> of(
      String deployment,
      Instance instance,
      List<JobRef> jobs,
      Map<String, Network> networks,
      Map<String, Compiled> packages,
      RenderedInstance rendered,
      int persistentDiskMb,
      Map<String, Object> vmType,
      Map<String, Object> stemcell,
      Map<String, Object> env) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", deployment);
    spec.put("job", Map.of("name", instance.group(), "templates", jobs.stream().map(job -> Map.of("name", job.name(), "version", job.version(), "sha1", job.sha1(), "blobstore_id", job.blobstoreId())).toList()));
    spec.put("index", instance.index());
    spec.put("name", instance.group());
    spec.put("id", instance.uuid());
    spec.put("az", instance.az());
    spec.put("bootstrap", instance.bootstrap());
    Map<String, Object> networkSpecs = new LinkedHashMap<>();
    networks.forEach((name, network) -> {
      Map<String, Object> entry = new LinkedHashMap<>();
      entry.put("type", network.type());
      entry.put("ip", network.ip());
      entry.put("netmask", network.netmask());
      entry.put("gateway", network.gateway());
      entry.put("dns", network.dns());
      entry.put("default", network.defaults());
      entry.put("cloud_properties", network.cloudProperties());
      networkSpecs.put(name, entry);
    });
    spec.put("networks", networkSpecs);
    spec.put("address", networks.values().stream().filter(Network::providesGateway).findFirst().or(() -> networks.values().stream().findFirst()).map(Network::ip).orElse(null));
    Map<String, Object> packageSpecs = new LinkedHashMap<>();
    packages.values().forEach(pkg -> packageSpecs.put(pkg.name(), Map.of("name", pkg.name(), "version", pkg.version(), "sha1", pkg.sha1(), "blobstore_id", pkg.blobstoreId())));
    spec.put("packages", packageSpecs);
    spec.put("dns_domain_name", "bosh");
    spec.put("configuration_hash", rendered.configurationHash());
    spec.put("persistent_disk", persistentDiskMb);
    spec.put("template_hashes", rendered.templateHashes());
    spec.put("rendered_templates_archive", Map.of("blobstore_id", rendered.blobstoreId(), "sha1", rendered.sha1()));
    spec.put("vm_type", vmType);
    spec.put("stemcell", stemcell);
    spec.put("env", env);
    return spec;
  }

  /** Whether the VM itself must be replaced: another stemcell, VM type, network address or env. */
  static boolean vmDiffers(Map<String, Object> old, Map<String, Object> desired) {
    for (String key : List.of("stemcell", "vm_type", "env")) {
      if (!java.util.Objects.equals(old.get(key), desired.get(key))) {
        return true;
      }
    }
    return !ips(old).equals(ips(desired));
  }

  /** Whether what runs on the VM changes: jobs' configuration, packages or disk size. */
  static boolean contentDiffers(Map<String, Object> old, Map<String, Object> desired) {
    for (String key : List.of("configuration_hash", "packages", "persistent_disk", "job")) {
      if (!java.util.Objects.equals(normalized(old.get(key)), normalized(desired.get(key)))) {
        return true;
      }
    }
    return false;
  }

  private static Object normalized(Object value) {
    return value instanceof Number number ? number.longValue() : value;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> ips(Map<String, Object> spec) {
    Map<String, Object> ips = new LinkedHashMap<>();
    if (spec.get("networks") instanceof Map<?, ?> networks) {
      networks.forEach((name, network) -> ips.put(name.toString(), network instanceof Map<?, ?> n ? n.get("ip") : null));
    }
    return ips;
  }
}
