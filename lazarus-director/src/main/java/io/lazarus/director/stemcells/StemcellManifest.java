package io.lazarus.director.stemcells;

import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.digest.Digests;
import io.lazarus.core.yaml.YamlDocument;
import java.util.Map;
import java.util.Optional;

/**
 * A stemcell's {@code stemcell.MF}: name, version, operating system (defaults to the name, as BOSH does), API
 * version, the digest of the image, and the cloud properties handed to the CPI.
 */
public record StemcellManifest(String name, String version, String operatingSystem, Integer apiVersion, Optional<String> sha1, Map<String, Object> cloudProperties) {
  public static final String FILE = "stemcell.MF";

  /**
   * Reads and checks the manifest.
   *
   * @throws io.lazarus.core.yaml.YamlException naming stemcell.MF, the field and its line
   */
  public static StemcellManifest parse(YamlDocument doc) {
    Map<String, Object> root = doc.rootMap();
    String name = requiredString(doc, "", root, "name");
    String version = requiredString(doc, "", root, "version");
    String os = optionalString(doc, "", root, "operating_system").orElse(name);
    Integer api = root.get("api_version") == null ? null : apiVersion(doc, root.get("api_version"));
    Optional<String> sha1 = optionalString(doc, "", root, "sha1").filter(s -> !s.isBlank());
    if (sha1.isPresent()) {
      try {
        Digests.parse(sha1.get());
      } catch (IllegalArgumentException e) {
        throw doc.fail("sha1", e.getMessage());
      }
    }
    Map<String, Object> cloudProperties = root.get("cloud_properties") == null ? Map.of() : map(doc, "cloud_properties", root.get("cloud_properties"));
    return new StemcellManifest(name, version, os, api, sha1, cloudProperties);
  }

  private static int apiVersion(YamlDocument doc, Object value) {
    long api = integer(doc, "api_version", value);
    if (api < 1 || api > 100) {
      throw doc.fail("api_version", "must be a small positive integer, got " + api);
    }
    return (int) api;
  }
}
