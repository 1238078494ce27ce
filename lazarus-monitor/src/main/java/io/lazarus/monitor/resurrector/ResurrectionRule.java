package io.lazarus.monitor.resurrector;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import java.util.Map;

/**
 * One rule of a resurrection config (§4.1): {@code enabled}, optional {@code include} and {@code exclude}.
 * {@code number} is its 1-based position in its config's {@code rules}, so an operator can find it.
 */
public record ResurrectionRule(String configName, int number, boolean enabled, RuleFilter include, RuleFilter exclude) {

  /**
   * Reads the rule at {@code path} of {@code doc}.
   *
   * @throws IllegalArgumentException with BOSH's text when {@code enabled} is missing or not a boolean
   * @throws io.lazarus.core.yaml.YamlException naming the path when a filter has the wrong shape
   */
  public static ResurrectionRule parse(YamlDocument doc, String path, Object value, String configName, int number) {
    if (!(value instanceof Map<?, ?> raw) || !raw.containsKey("enabled")) {
      throw new IllegalArgumentException("Required property 'enabled' was not specified in object");
    }
    Map<String, Object> rule = YamlValues.map(doc, path, raw);
    if (!(rule.get("enabled") instanceof Boolean enabled)) {
      throw new IllegalArgumentException("Property 'enabled' value (" + rule.get("enabled") + ") did not match the required type 'Boolean'");
    }
    return new ResurrectionRule(configName, number, enabled, filter(doc, path, rule, "include"), filter(doc, path, rule, "exclude"));
  }

  private static RuleFilter filter(YamlDocument doc, String path, Map<String, Object> rule, String key) {
    String at = YamlValues.child(path, key);
    Map<String, Object> filter = YamlValues.optionalMap(doc, path, rule, key);
    Object deployments = filter.get("deployments");
    Object groups = filter.get("instance_groups");
    return new RuleFilter(
        deployments == null ? java.util.List.of() : YamlValues.stringList(doc, YamlValues.child(at, "deployments"), deployments),
        groups == null ? java.util.List.of() : YamlValues.stringList(doc, YamlValues.child(at, "instance_groups"), groups));
  }

  /** A rule applies when its include matches and its exclude does not. */
  public boolean appliesTo(String deployment, String instanceGroup) {
    return include.includes(deployment, instanceGroup) && !exclude.excludes(deployment, instanceGroup);
  }

  /** {@code config 'default' rule 2 (enabled: false, include: {instance_groups: [web]})}. */
  public String describe() {
    StringBuilder text = new StringBuilder("config '" + configName + "' rule " + number + " (enabled: " + enabled);
    if (!include.isEmpty()) {
      text.append(", include: ").append(include.describe());
    }
    if (!exclude.isEmpty()) {
      text.append(", exclude: ").append(exclude.describe());
    }
    return text.append(")").toString();
  }
}
