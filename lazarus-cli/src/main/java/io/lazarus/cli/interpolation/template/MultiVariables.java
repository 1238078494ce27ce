package io.lazarus.cli.interpolation.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Several sources asked in order; the first that has a variable answers for it. */
public final class MultiVariables implements Variables {
  private final List<Variables> sources;

  public MultiVariables(List<Variables> sources) {
    this.sources = List.copyOf(sources);
  }

  @Override
  public Optional<Found> get(VariableDefinition definition) {
    for (Variables source : sources) {
      Optional<Found> found = source.get(definition);
      if (found.isPresent()) {
        return found;
      }
    }
    return Optional.empty();
  }

  @Override
  public List<String> names() {
    List<String> names = new ArrayList<>();
    sources.forEach(source -> names.addAll(source.names()));
    return names;
  }
}
