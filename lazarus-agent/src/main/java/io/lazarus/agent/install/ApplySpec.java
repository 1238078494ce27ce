package io.lazarus.agent.install;

import io.lazarus.agent.rpc.RpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Typed reads of the apply spec (reference/bosh-behaviour.md §6.4) over the JSON the Director sent, which is kept
 * whole for get_state.
 */
public record ApplySpec(ObjectNode json) {

  public static ApplySpec of(JsonNode node) {
    if (!node.isObject()) {
      throw new RpcException("apply: argument 1 (apply spec) must be an object");
    }
    return new ApplySpec((ObjectNode) node);
  }

  public boolean hasConfiguration() {
    JsonNode hash = json.path("configuration_hash");
    return hash.isString() && !hash.stringValue().isBlank();
  }

  public List<PackageRef> packages() {
    List<PackageRef> packages = new ArrayList<>();
    JsonNode node = json.path("packages");
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        packages.add(PackageRef.from(entry.getKey(), entry.getValue(), "apply spec 'packages'"));
      }
    }
    return packages;
  }

  /** The jobs of the instance group ({@code job.templates[].name}), in order. */
  public List<String> jobNames() {
    List<String> names = new ArrayList<>();
    for (JsonNode template : json.path("job").path("templates")) {
      JsonNode name = template.path("name");
      if (!name.isString()) {
        throw new RpcException("apply spec: every 'job.templates' entry needs a name");
      }
      names.add(name.stringValue());
    }
    return names;
  }

  public Map<String, String> templateHashes() {
    Map<String, String> hashes = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : json.path("template_hashes").properties()) {
      if (entry.getValue().isString()) {
        hashes.put(entry.getKey(), entry.getValue().stringValue());
      }
    }
    return hashes;
  }

  /** {@code rendered_templates_archive}: its blob id and digest. */
  public Optional<BlobRef> renderedTemplatesArchive() {
    JsonNode archive = json.path("rendered_templates_archive");
    if (!archive.isObject() || !archive.path("blobstore_id").isString()) {
      return Optional.empty();
    }
    JsonNode sha1 = archive.path("sha1");
    if (!sha1.isString()) {
      throw new RpcException("apply spec: 'rendered_templates_archive.sha1' is missing");
    }
    return Optional.of(new BlobRef(archive.path("blobstore_id").stringValue(), sha1.stringValue()));
  }

  /** A blob and its digest. */
  public record BlobRef(String blobstoreId, String sha1) {}

  public String text(String field) {
    JsonNode value = json.path(field);
    return value.isString() ? value.stringValue() : null;
  }

  public Integer index() {
    JsonNode value = json.path("index");
    return value.isIntegralNumber() ? value.asInt() : null;
  }

  /** {@code job.name}: the instance group name heartbeats report. */
  public String jobName() {
    JsonNode value = json.path("job").path("name");
    return value.isString() ? value.stringValue() : null;
  }
}
