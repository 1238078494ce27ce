package io.lazarus.core.planning;

import java.util.Map;

/**
 * A link some job provides: where it comes from, the name consumers use ({@code as} in the manifest, else the
 * spec's name), its type, whether other deployments may consume it, and the values of the properties it exposes.
 */
public record LinkSource(String instanceGroup, String job, String name, String type, boolean shared, Map<String, Object> properties) {
  /** {@code web/web (as 'http')}, for messages. */
  String describe() {
    return instanceGroup + "/" + job + " (as '" + name + "')";
  }
}
