package io.lazarus.director.templates;

import io.lazarus.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON document the Ruby side renders from. Going through JSON hands templates plain Ruby hashes, arrays, strings
 * and numbers, as under BOSH, instead of wrapped Java collections (on which {@code is_a?(Hash)}, {@code to_yaml} and
 * friends behave differently).
 */
final class RenderInput {
  private RenderInput() {}

  static String json(JobTemplates job, InstanceSpec instance, Map<String, Object> jobProperties, Map<String, ResolvedLink> links) {
    Map<String, Object> linkSpecs = new LinkedHashMap<>();
    links.forEach((name, link) -> linkSpecs.put(name, linkSpec(link)));

    Map<String, Object> input = new LinkedHashMap<>();
    input.put("job", job.spec().name());
    input.put("monit", job.monit());
    List<Map<String, Object>> templates = new ArrayList<>();
    job.spec().templates().forEach((src, dest) -> templates.add(Map.of("src", src, "dest", dest, "text", job.sources().get(src))));
    input.put("templates", templates);
    input.put("spec", spec(job, instance, jobProperties, linkSpecs));
    input.put("links", linkSpecs);
    return Json.write(input);
  }

  /** BOSH's template spec, with the keys templates use. */
  private static Map<String, Object> spec(JobTemplates job, InstanceSpec instance, Map<String, Object> jobProperties, Map<String, Object> links) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", instance.deployment());
    spec.put("name", instance.name());
    spec.put("job", Map.of("name", instance.name()));
    spec.put("index", instance.index());
    spec.put("id", instance.id());
    spec.put("az", instance.az());
    spec.put("address", instance.address());
    spec.put("ip", instance.ip());
    spec.put("bootstrap", instance.bootstrap());
    Map<String, Object> networks = new LinkedHashMap<>();
    instance.networks().forEach((name, network) -> networks.put(name, network(network)));
    spec.put("networks", networks);
    spec.put("persistent_disk", instance.persistentDiskMb());
    spec.put("release", Map.of("name", job.release().name(), "version", job.release().version()));
    spec.put("properties", jobProperties);
    spec.put("links", links);
    return spec;
  }

  private static Map<String, Object> network(NetworkSpec network) {
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("ip", network.ip());
    spec.put("netmask", network.netmask());
    spec.put("gateway", network.gateway());
    spec.put("default", network.defaults());
    return spec;
  }

  private static Map<String, Object> linkSpec(ResolvedLink link) {
    List<Map<String, Object>> instances = new ArrayList<>();
    for (LinkInstance instance : link.instances()) {
      Map<String, Object> spec = new LinkedHashMap<>();
      spec.put("name", instance.name());
      spec.put("id", instance.id());
      spec.put("index", instance.index());
      spec.put("az", instance.az());
      spec.put("address", instance.address());
      spec.put("bootstrap", instance.bootstrap());
      instances.add(spec);
    }
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("address", link.address());
    spec.put("instances", instances);
    spec.put("properties", link.properties());
    return spec;
  }
}
