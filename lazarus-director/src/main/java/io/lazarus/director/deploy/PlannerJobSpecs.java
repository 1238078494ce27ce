package io.lazarus.director.deploy;

import io.lazarus.core.planning.JobSpec.ConsumedLink;
import io.lazarus.core.planning.JobSpec.PropertySpec;
import io.lazarus.core.planning.JobSpec.ProvidedLink;
import io.lazarus.director.releases.JobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Turns a release job's spec into what the planner reads: declared properties with defaults, and links. */
public final class PlannerJobSpecs {
  private PlannerJobSpecs() {}

  public static io.lazarus.core.planning.JobSpec of(JobSpec spec) {
    List<PropertySpec> properties = new ArrayList<>();
    if (spec.raw().get("properties") instanceof Map<?, ?> declared) {
      declared.forEach((name, definition) -> properties.add(
          definition instanceof Map<?, ?> def && def.get("default") != null ? PropertySpec.withDefault(name.toString(), def.get("default")) : PropertySpec.required(name.toString())));
    }
    List<ConsumedLink> consumes = new ArrayList<>();
    for (Object link : spec.consumes()) {
      if (link instanceof Map<?, ?> map) {
        consumes.add(new ConsumedLink(text(map, "name"), text(map, "type"), Boolean.TRUE.equals(map.get("optional"))));
      }
    }
    List<ProvidedLink> provides = new ArrayList<>();
    for (Object link : spec.provides()) {
      if (link instanceof Map<?, ?> map) {
        List<String> exposed = map.get("properties") instanceof List<?> list ? list.stream().map(Object::toString).toList() : List.of();
        provides.add(new ProvidedLink(text(map, "name"), text(map, "type"), exposed));
      }
    }
    return new io.lazarus.core.planning.JobSpec(spec.name(), properties, List.copyOf(spec.templates().keySet()), consumes, provides);
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    return value == null ? null : value.toString();
  }
}
