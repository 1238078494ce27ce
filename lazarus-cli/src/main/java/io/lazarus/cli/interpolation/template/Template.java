package io.lazarus.cli.interpolation.template;

import io.lazarus.cli.interpolation.patch.FindOp;
import io.lazarus.cli.interpolation.patch.Op;
import io.lazarus.cli.interpolation.patch.Pointer;
import io.lazarus.cli.interpolation.patch.RemoveOp;
import io.lazarus.cli.interpolation.patch.Token;
import io.lazarus.cli.interpolation.yaml.GoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a YAML tree as the bosh CLI evaluates a manifest: the operations first, then the variables (the
 * {@code variables:} section's typed ones first, in order, so a store generates a CA before the certificates it
 * signs), then the section loses the variables that were found (their values are now in the document), and last
 * the {@code --path} lookup.
 */
public final class Template {
  private Template() {}

  /**
   * The evaluated tree. {@code document} may be changed in place by the operations.
   *
   * @param op the ops files' operations, or null
   * @throws io.lazarus.cli.interpolation.patch.PatchException when an operation or the path does not apply
   * @throws InterpolationException when a variable cannot be found or generated as {@code options} require
   */
  public static Object evaluate(Object document, Variables variables, Op op, EvaluateOptions options) {
    Object result = op == null ? document : op.apply(document);
    VarsTracker tracker = new VarsTracker(variables, definitions(result));
    tracker.generateDefined();
    result = Interpolator.interpolate(result, tracker::lookup);
    for (String name : tracker.foundDefined()) {
      result = new RemoveOp(Pointer.of(List.of(new Token.Root(), new Token.Key("variables", false),
          new Token.MatchingIndex("name", name, false, List.of())))).apply(result);
    }
    tracker.check(options.expectAllKeys(), options.expectAllVarsUsed());
    return options.path() == null ? result : new FindOp(options.path()).apply(result);
  }

  /** The {@code variables:} section of a manifest: name, type and options of each entry. */
  private static List<VariableDefinition> definitions(Object document) {
    List<VariableDefinition> definitions = new ArrayList<>();
    if (!(document instanceof Map<?, ?> manifest) || manifest.get("variables") == null) {
      return definitions;
    }
    if (!(manifest.get("variables") instanceof List<?> section)) {
      throw new InterpolationException("Expected 'variables' to be a list of variable definitions, found '"
          + GoValues.typeName(manifest.get("variables")) + "'");
    }
    for (int i = 0; i < section.size(); i++) {
      if (!(section.get(i) instanceof Map<?, ?> entry)) {
        throw new InterpolationException("Expected 'variables' entry [" + i + "] to be a map with name, type and options, found '"
            + GoValues.typeName(section.get(i)) + "'");
      }
      definitions.add(new VariableDefinition(text(entry.get("name"), i, "name"), text(entry.get("type"), i, "type"), entry.get("options")));
    }
    return definitions;
  }

  private static String text(Object value, int index, String field) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new InterpolationException("Expected 'variables' entry [" + index + "] field '" + field + "' to be a string, found '"
          + GoValues.typeName(value) + "'");
    }
    return value == null ? "" : value.toString();
  }
}
