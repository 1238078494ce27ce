package io.lazarus.cli.interpolation.template;

import java.util.List;
import java.util.Optional;

/** A source of variable values: flags, files, the environment, a vars store. */
public interface Variables {
  /**
   * The value of {@code definition}'s variable, when this source has or (a vars store) generates one.
   *
   * @throws InterpolationException when the source fails (an unreadable store, a value that cannot be generated)
   */
  Optional<Found> get(VariableDefinition definition);

  /** The names of every variable this source holds, for {@code --var-errs-unused}. */
  List<String> names();

  /** A value found, which may be null ({@code -v name=null} is a value). */
  record Found(Object value) {}
}
