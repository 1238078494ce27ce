package io.lazarus.monitor.resurrector;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.monitor.director.DirectorApi.NamedConfig;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** §4.2's semantics as our own table (§4.4): configs, the asked deployment and group, the expected verdict. */
class ResurrectionRulesTest {

  private static NamedConfig config(String name, String rules) {
    return new NamedConfig(name, name, "rules:\n" + rules);
  }

  static Stream<Arguments> table() {
    return Stream.of(
        Arguments.of("no configs: enabled", List.of(), "d", "web", true, null),
        Arguments.of("empty rules: enabled", List.of(new NamedConfig("1", "default", "rules: []")), "d", "web", true, null),
        Arguments.of("rule without filters applies everywhere", List.of(config("default", "- enabled: false\n")), "d", "web", false, "config 'default' rule 1 (enabled: false)"),
        Arguments.of("include group matches", List.of(config("default", "- enabled: false\n  include: {instance_groups: [web]}\n")), "x", "web", false,
            "config 'default' rule 1 (enabled: false, include: {instance_groups: [web]})"),
        Arguments.of("include group misses", List.of(config("default", "- enabled: false\n  include: {instance_groups: [web]}\n")), "d", "db", true, null),
        Arguments.of("include deployment matches", List.of(config("default", "- enabled: false\n  include: {deployments: [d]}\n")), "d", "db", false,
            "config 'default' rule 1 (enabled: false, include: {deployments: [d]})"),
        Arguments.of("include deployment misses", List.of(config("default", "- enabled: false\n  include: {deployments: [d]}\n")), "e", "db", true, null),
        Arguments.of("include both lists: both must match", List.of(config("default", "- enabled: false\n  include: {deployments: [d], instance_groups: [web]}\n")), "d", "db", true, null),
        Arguments.of("include both lists match", List.of(config("default", "- enabled: false\n  include: {deployments: [d], instance_groups: [web]}\n")), "d", "web", false,
            "config 'default' rule 1 (enabled: false, include: {deployments: [d], instance_groups: [web]})"),
        Arguments.of("exclude group takes it out", List.of(config("default", "- enabled: false\n  exclude: {instance_groups: [web]}\n")), "d", "web", true, null),
        Arguments.of("exclude group leaves others", List.of(config("default", "- enabled: false\n  exclude: {instance_groups: [web]}\n")), "d", "db", false,
            "config 'default' rule 1 (enabled: false, exclude: {instance_groups: [web]})"),
        Arguments.of("exclude deployment takes it out", List.of(config("default", "- enabled: false\n  exclude: {deployments: [d]}\n")), "d", "db", true, null),
        Arguments.of("exclude both lists: only both excludes", List.of(config("default", "- enabled: false\n  exclude: {deployments: [d], instance_groups: [web]}\n")), "d", "db", false,
            "config 'default' rule 1 (enabled: false, exclude: {deployments: [d], instance_groups: [web]})"),
        Arguments.of("empty exclude excludes nothing", List.of(config("default", "- enabled: false\n  exclude: {}\n")), "d", "db", false, "config 'default' rule 1 (enabled: false)"),
        Arguments.of("empty include lists match everything", List.of(config("default", "- enabled: false\n  include: {deployments: [], instance_groups: []}\n")), "d", "db", false,
            "config 'default' rule 1 (enabled: false)"),
        Arguments.of("include and exclude together", List.of(config("default", "- enabled: false\n  include: {deployments: [d]}\n  exclude: {instance_groups: [web]}\n")), "d", "web", true, null),
        Arguments.of("an enabled rule is named when it applies", List.of(config("default", "- enabled: true\n  include: {deployments: [d]}\n")), "d", "web", true,
            "config 'default' rule 1 (enabled: true, include: {deployments: [d]})"),
        Arguments.of("disabled wins over enabled, whatever the order",
            List.of(config("default", "- enabled: true\n  include: {deployments: [d]}\n- enabled: false\n  include: {instance_groups: [web]}\n")), "d", "web", false,
            "config 'default' rule 2 (enabled: false, include: {instance_groups: [web]})"),
        Arguments.of("rules of several configs combine",
            List.of(config("default", "- enabled: true\n"), config("team-a", "- enabled: false\n  include: {deployments: [a]}\n")), "a", "web", false,
            "config 'team-a' rule 1 (enabled: false, include: {deployments: [a]})"),
        Arguments.of("another config's rule that does not apply leaves it enabled",
            List.of(config("default", "- enabled: true\n"), config("team-a", "- enabled: false\n  include: {deployments: [a]}\n")), "b", "web", true, "config 'default' rule 1 (enabled: true)"),
        Arguments.of("a bad rule is skipped, the others kept",
            List.of(config("default", "- include: {deployments: [d]}\n- enabled: 'no'\n- enabled: false\n  include: {deployments: [d]}\n")), "d", "web", false,
            "config 'default' rule 3 (enabled: false, include: {deployments: [d]})"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  void evaluatesAsBosh(String description, List<NamedConfig> configs, String deployment, String group, boolean enabled, String rule) {
    RuleVerdict verdict = ResurrectionRules.parse(configs).enabled(deployment, group);
    assertThat(verdict.enabled()).isEqualTo(enabled);
    assertThat(verdict.decidedBy().map(ResurrectionRule::describe).orElse(null)).isEqualTo(rule);
  }

  @Test
  void badRulesFailWithBoshText() {
    io.lazarus.core.yaml.YamlDocument doc = io.lazarus.core.yaml.YamlDocument.parse("x", "{}");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResurrectionRule.parse(doc, "rules[0]", java.util.Map.of("include", java.util.Map.of()), "c", 1))
        .hasMessage("Required property 'enabled' was not specified in object");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ResurrectionRule.parse(doc, "rules[0]", java.util.Map.of("enabled", "no"), "c", 1))
        .hasMessage("Property 'enabled' value (no) did not match the required type 'Boolean'");
  }

  @Test
  void unreadableConfigIsSkipped() {
    List<NamedConfig> configs = List.of(new NamedConfig("1", "broken", "rules: [unclosed"), config("ok", "- enabled: false\n"));
    assertThat(ResurrectionRules.parse(configs).rules()).extracting(ResurrectionRule::configName).containsExactly("ok");
  }

  @Test
  void watcherReparsesOnlyWhenTheSetOfContentsChangesAndEmptyClears() {
    ResurrectionConfigWatcher watcher = new ResurrectionConfigWatcher();
    ResurrectionRules first = watcher.update(List.of(config("a", "- enabled: false\n"), config("b", "- enabled: true\n")));
    assertThat(first.rules()).hasSize(2);
    assertThat(watcher.update(List.of(config("b", "- enabled: true\n"), config("a", "- enabled: false\n")))).isSameAs(first);
    assertThat(watcher.update(null)).isSameAs(first);
    assertThat(watcher.update(List.of()).rules()).isEmpty();
  }
}
