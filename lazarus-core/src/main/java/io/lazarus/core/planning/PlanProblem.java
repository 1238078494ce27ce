package io.lazarus.core.planning;

import io.lazarus.core.yaml.YamlDocument;

/**
 * One reason a deployment cannot be planned. {@code text} is the full message as operators see it, in the same
 * form as {@link io.lazarus.core.yaml.YamlException}: {@code manifest.yml: line 12: 'instance_groups[0].vm_type': ...}.
 */
public record PlanProblem(String path, int line, String message, String text) {
  static PlanProblem at(YamlDocument doc, String path, String message) {
    return new PlanProblem(path, doc.lineOf(path), message, doc.fail(path, message).getMessage());
  }

  @Override
  public String toString() {
    return text;
  }
}
