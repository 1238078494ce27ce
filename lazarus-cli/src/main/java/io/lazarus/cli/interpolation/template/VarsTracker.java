package io.lazarus.cli.interpolation.template;

import io.lazarus.cli.interpolation.patch.FindOp;
import io.lazarus.cli.interpolation.patch.PatchException;
import io.lazarus.cli.interpolation.patch.Pointer;
import io.lazarus.cli.interpolation.patch.Token;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Looks variables up for one evaluation and remembers which were missing and which were used. A variable defined in
 * the {@code variables:} section is asked for with its type and options, its options' own references resolved first
 * (in a scope that detects a variable needing itself); one whose options cannot all be resolved is not asked for.
 *
 * <p>One evaluation at a time.
 */
final class VarsTracker {
  private final Variables variables;
  private final List<VariableDefinition> definitions;
  private final Set<String> resolving;
  private final Set<String> missing = new TreeSet<>();
  private final Set<String> used = new HashSet<>();

  VarsTracker(Variables variables, List<VariableDefinition> definitions) {
    this(variables, definitions, Set.of());
  }

  private VarsTracker(Variables variables, List<VariableDefinition> definitions, Set<String> resolving) {
    this.variables = variables;
    this.definitions = definitions;
    this.resolving = resolving;
  }

  /** A reference's value: the variable named before the first dot, then the keys or indexes after it. */
  Optional<Variables.Found> lookup(String reference) {
    String[] parts = reference.split("\\.", -1);
    Optional<Variables.Found> found = get(parts[0]);
    if (found.isEmpty() || parts.length == 1) {
      return found;
    }
    Pointer pointer = Pointer.parse("/" + String.join("/", Arrays.asList(parts).subList(1, parts.length)));
    Object value = found.get().value();
    try {
      return Optional.of(new Variables.Found(new FindOp(pointer).apply(value)));
    } catch (PatchException notAnIndex) {
      // "((ports.80))" may mean the map key "80", not the 81st item of a list
      return Optional.of(new Variables.Found(new FindOp(keysOnly(pointer)).apply(value)));
    }
  }

  /** The variable {@code name}, asked for with its definition from the {@code variables:} section, if any. */
  Optional<Variables.Found> get(String name) {
    used.add(name);
    if (resolving.contains(name)) {
      throw new InterpolationException("Detected recursion");
    }
    Set<String> scope = new HashSet<>(resolving);
    scope.add(name);
    VarsTracker scoped = new VarsTracker(variables, definitions, scope);
    VariableDefinition definition = definition(name);
    Object options;
    try {
      options = Interpolator.interpolate(definition.options(), scoped::lookup);
    } catch (InterpolationException | PatchException e) {
      throw InterpolationException.wrap("Interpolating variable '" + name + "' definition options", e);
    }
    if (!scoped.missing.isEmpty()) {
      return Optional.empty();
    }
    Optional<Variables.Found> found = variables.get(new VariableDefinition(name, definition.type(), options));
    if (found.isEmpty()) {
      missing.add(name);
    }
    return found;
  }

  /** Asks for every typed variable of the section in order, so that a vars store generates each before its users. */
  void generateDefined() {
    for (VariableDefinition definition : definitions) {
      if (definition.typed()) {
        inDefinitionsSection(() -> get(definition.name()));
      }
    }
  }

  /** The names of the section's variables that were found, which the bosh CLI leaves out of its output. */
  List<String> foundDefined() {
    List<String> found = new ArrayList<>();
    for (VariableDefinition definition : definitions) {
      if (inDefinitionsSection(() -> get(definition.name())).isPresent()) {
        found.add(definition.name());
      }
    }
    return found;
  }

  /** Fails, as {@code --var-errs} and {@code --var-errs-unused} ask, on variables missing or given but unused. */
  void check(boolean expectAllFound, boolean expectAllUsed) {
    List<String> problems = new ArrayList<>();
    if (expectAllFound && !missing.isEmpty()) {
      problems.add("Expected to find variables: " + String.join("\n", missing));
    }
    if (expectAllUsed) {
      Set<String> unused = new TreeSet<>(variables.names());
      unused.removeAll(used);
      if (!unused.isEmpty()) {
        problems.add("Expected to use variables: " + String.join("\n", unused));
      }
    }
    if (!problems.isEmpty()) {
      throw new InterpolationException(String.join("\n", problems));
    }
  }

  private VariableDefinition definition(String name) {
    return definitions.stream().filter(definition -> definition.name().equals(name)).findFirst()
        .orElse(VariableDefinition.named(name));
  }

  private static Optional<Variables.Found> inDefinitionsSection(Supplier<Optional<Variables.Found>> lookup) {
    try {
      return lookup.get();
    } catch (InterpolationException | PatchException e) {
      throw InterpolationException.wrap("Getting all variables from variable definitions sections", e);
    }
  }

  private static Pointer keysOnly(Pointer pointer) {
    List<Token> tokens = new ArrayList<>();
    for (Token token : pointer.tokens()) {
      tokens.add(token instanceof Token.Index index ? new Token.Key(Integer.toString(index.index()), false) : token);
    }
    return Pointer.of(tokens);
  }
}
