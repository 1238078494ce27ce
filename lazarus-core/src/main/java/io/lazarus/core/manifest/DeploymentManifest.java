package io.lazarus.core.manifest;

import io.lazarus.core.yaml.YamlDocument;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A parsed deployment manifest (v2).
 *
 * <p>Properties come from three levels. For each property a job's spec declares, the value is taken from the
 * job's own {@code properties}, else the instance group's {@code properties}, else the top-level
 * {@code properties} (kept for older manifests, as BOSH still accepts them), else the spec's default. BOSH's
 * Director stops at the job level whenever a job has a {@code properties} block; Lazarus consults the lower levels
 * property by property, so a job-level block no longer hides shared settings.
 *
 * @param variables the {@code variables} section as written; config-server generation is not this type's concern
 * @param document the source, kept so later checks can name manifest lines
 */
public record DeploymentManifest(
    String name,
    List<ReleaseRef> releases,
    List<StemcellRef> stemcells,
    UpdatePolicy update,
    List<InstanceGroup> instanceGroups,
    List<Object> variables,
    Map<String, Object> properties,
    Map<String, String> tags,
    Map<String, Object> features,
    YamlDocument document) {

  /**
   * Reads and checks a manifest.
   *
   * @throws io.lazarus.core.yaml.YamlException naming the file, the path and the line of the first problem
   */
  public static DeploymentManifest parse(YamlDocument doc) {
    return new ManifestParser(doc).parse();
  }

  public Optional<ReleaseRef> release(String name) {
    return releases.stream().filter(r -> r.name().equals(name)).findFirst();
  }

  public Optional<StemcellRef> stemcell(String alias) {
    return stemcells.stream().filter(s -> s.alias().equals(alias)).findFirst();
  }

  public Optional<InstanceGroup> instanceGroup(String name) {
    return instanceGroups.stream().filter(g -> g.name().equals(name)).findFirst();
  }
}
