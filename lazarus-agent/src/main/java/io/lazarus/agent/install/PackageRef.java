package io.lazarus.agent.install;

import io.lazarus.agent.rpc.RpcException;
import tools.jackson.databind.JsonNode;

/** A package as apply specs and compile_package name it: {@code {name, version, sha1, blobstore_id}}. */
public record PackageRef(String name, String version, String sha1, String blobstoreId) {

  /** Reads one entry; {@code key} is the map key (the package name when the entry omits it). */
  public static PackageRef from(String key, JsonNode node, String where) {
    if (!node.isObject()) {
      throw new RpcException(where + ": package '" + key + "' must be an object");
    }
    return new PackageRef(
        text(node, "name", key),
        required(node, "version", key, where),
        required(node, "sha1", key, where),
        required(node, "blobstore_id", key, where));
  }

  private static String required(JsonNode node, String field, String key, String where) {
    String value = text(node, field, null);
    if (value == null || value.isBlank()) {
      throw new RpcException(where + ": package '" + key + "' has no " + field);
    }
    return value;
  }

  private static String text(JsonNode node, String field, String fallback) {
    JsonNode value = node.path(field);
    return value.isString() ? value.stringValue() : value.isNumber() ? value.asString() : fallback;
  }

  /** Directory names come from the Director; refuse anything that would leave the packages directory. */
  public PackageRef {
    for (String part : new String[] {name, version}) {
      if (part != null && (part.contains("/") || part.equals("..") || part.equals(".") || part.isEmpty())) {
        throw new RpcException("package name and version must be plain names, got '" + name + "' '" + version + "'");
      }
    }
  }

  @Override
  public String toString() {
    return "package '" + name + "' " + version;
  }
}
