package io.lazarus.director.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A link the job consumes, resolved to its provider: the provider's instances, the properties it shares and the
 * address that {@code link('db').address} returns (null if the linker gives none; the template then fails when it asks
 * for it). Properties are plain YAML values (maps, lists, strings, numbers, booleans, null).
 */
public record ResolvedLink(String address, List<LinkInstance> instances, Map<String, Object> properties) {
  public ResolvedLink {
    instances = List.copyOf(instances == null ? List.of() : instances);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties == null ? Map.of() : properties));
  }
}
