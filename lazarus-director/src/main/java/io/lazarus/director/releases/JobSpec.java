package io.lazarus.director.releases;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.string;

import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job's {@code job.MF} (its spec): name, templates (source under {@code templates/} → destination), the packages it
 * needs, property definitions and links. {@code raw} is the whole spec, kept for template rendering.
 */
public record JobSpec(String name, Map<String, String> templates, List<String> packages, List<Object> consumes, List<Object> provides, Map<String, Object> raw) {
  public static final String FILE = "job.MF";

  /**
   * Reads and checks a job spec.
   *
   * @throws io.lazarus.core.yaml.YamlException naming the job's archive and job.MF, the field and its line
   */
  public static JobSpec parse(YamlDocument doc) {
    Map<String, Object> root = doc.rootMap();
    String name = requiredString(doc, "", root, "name");
    Map<String, String> templates = new LinkedHashMap<>();
    if (root.get("templates") != null) {
      map(doc, "templates", root.get("templates")).forEach((src, dest) -> templates.put(src, string(doc, child("templates", src), dest)));
    }
    List<String> packages = new ArrayList<>();
    if (root.get("packages") != null) {
      List<Object> values = list(doc, "packages", root.get("packages"));
      for (int i = 0; i < values.size(); i++) {
        packages.add(string(doc, "packages[" + i + "]", values.get(i)));
      }
    }
    if (root.get("properties") != null) {
      map(doc, "properties", root.get("properties"));
    }
    List<Object> consumes = root.get("consumes") == null ? List.of() : list(doc, "consumes", root.get("consumes"));
    List<Object> provides = root.get("provides") == null ? List.of() : list(doc, "provides", root.get("provides"));
    return new JobSpec(name, templates, List.copyOf(packages), consumes, provides, root);
  }
}
