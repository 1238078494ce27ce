package io.lazarus.monitor.resurrector;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.core.yaml.YamlValues;
import io.lazarus.monitor.director.DirectorApi.NamedConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The parsed rules of every resurrection config, in config order (§4.1), and their evaluation (§4.2). Immutable. */
public final class ResurrectionRules {
  public static final ResurrectionRules NONE = new ResurrectionRules(List.of());
  private static final Logger LOG = LoggerFactory.getLogger(ResurrectionRules.class);

  private final List<ResurrectionRule> rules;

  public ResurrectionRules(List<ResurrectionRule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Parses the rules of {@code configs}; a config or rule that cannot be read is logged and skipped, as BOSH. */
  public static ResurrectionRules parse(List<NamedConfig> configs) {
    List<ResurrectionRule> rules = new ArrayList<>();
    for (NamedConfig config : configs) {
      List<Object> items;
      YamlDocument doc;
      try {
        doc = YamlDocument.parse("resurrection config '" + config.name() + "'", config.content());
        Map<String, Object> root = doc.rootMap();
        items = YamlValues.optionalList(doc, "", root, "rules");
      } catch (YamlException e) {
        LOG.error("Failed to parse resurrection config: {}", e.getMessage());
        continue;
      }
      for (int i = 0; i < items.size(); i++) {
        try {
          rules.add(ResurrectionRule.parse(doc, YamlValues.item("rules", i), items.get(i), config.name(), i + 1));
        } catch (IllegalArgumentException | YamlException e) {
          LOG.error("Failed to parse resurrection config rule {}: {}", items.get(i), e.getMessage());
        }
      }
    }
    return new ResurrectionRules(rules);
  }

  public List<ResurrectionRule> rules() {
    return rules;
  }

  /** BOSH's {@code resurrection_enabled?}: true unless an applicable rule says {@code enabled: false}. */
  public RuleVerdict enabled(String deployment, String instanceGroup) {
    Optional<ResurrectionRule> firstApplicable = Optional.empty();
    for (ResurrectionRule rule : rules) {
      if (rule.appliesTo(deployment, instanceGroup)) {
        if (!rule.enabled()) {
          return new RuleVerdict(false, Optional.of(rule));
        }
        firstApplicable = firstApplicable.or(() -> Optional.of(rule));
      }
    }
    return new RuleVerdict(true, firstApplicable);
  }
}
