package io.lazarus.core.planning;

import java.util.List;
import java.util.Optional;

/**
 * What the planner needs from a release job's {@code spec}: the properties it declares (with defaults), its
 * templates, and the links it consumes and provides. The Director builds it from the uploaded release.
 */
public record JobSpec(String name, List<PropertySpec> properties, List<String> templates, List<ConsumedLink> consumes, List<ProvidedLink> provides) {
  public JobSpec {
    properties = List.copyOf(properties);
    templates = List.copyOf(templates);
    consumes = List.copyOf(consumes);
    provides = List.copyOf(provides);
  }

  /** A declared property in dot notation ({@code director.port}); an empty default means "no default". */
  public record PropertySpec(String name, Optional<Object> defaultValue) {
    public static PropertySpec withDefault(String name, Object defaultValue) {
      return new PropertySpec(name, Optional.of(defaultValue));
    }

    public static PropertySpec required(String name) {
      return new PropertySpec(name, Optional.empty());
    }
  }

  /** A link the job's templates read with {@code link("name")}; an optional one may stay unconnected. */
  public record ConsumedLink(String name, String type, boolean optional) {}

  /** A link the job offers, exposing the values of {@code properties} (names of its own properties). */
  public record ProvidedLink(String name, String type, List<String> properties) {
    public ProvidedLink {
      properties = List.copyOf(properties);
    }
  }

  public boolean declares(String property) {
    return properties.stream().anyMatch(p -> p.name().equals(property));
  }

  public List<String> propertyNames() {
    return properties.stream().map(PropertySpec::name).toList();
  }
}
