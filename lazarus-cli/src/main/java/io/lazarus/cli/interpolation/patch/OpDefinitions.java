package io.lazarus.cli.interpolation.patch;

import io.lazarus.cli.interpolation.yaml.GoValues;
import io.lazarus.core.json.Json;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The operations of an ops file, read as the bosh CLI reads one: a list of {@code type}, {@code path}, {@code value}
 * and {@code absent}; each operation, when it fails, is named {@code operation [N] in FILE failed}.
 */
public final class OpDefinitions {
  private OpDefinitions() {}

  /** One operation as written; absent fields are null. */
  private record Definition(String type, String path, Object value, Boolean absent, String error) {}

  /**
   * The operations in {@code loaded}, the YAML value of the ops file {@code file}.
   *
   * @throws PatchException with the bosh CLI's message ("Replace operation [0]: Missing value within {...}") for an
   *     operation that cannot be built, or naming the operation whose fields have the wrong shape
   */
  public static Ops parse(Object loaded, String file) {
    if (loaded == null) {
      return new Ops(List.of());
    }
    if (!(loaded instanceof List<?> items)) {
      throw new PatchException("Expected " + file + " to be a list of operations, found '" + GoValues.typeName(loaded) + "'");
    }
    List<Op> ops = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Definition definition = definition(items.get(i), i, file);
      ops.add(new DescriptiveOp(build(i, definition), definition.error()));
    }
    return new Ops(ops);
  }

  private static Definition definition(Object item, int index, String file) {
    String operation = "operation [" + index + "] in " + file;
    if (!(item instanceof Map<?, ?> fields)) {
      throw new PatchException("Expected " + operation + " to be a map, found '" + GoValues.typeName(item) + "'");
    }
    Object absent = fields.get("absent");
    if (absent != null && !(absent instanceof Boolean)) {
      throw new PatchException("Expected " + operation + " field 'absent' to be true or false, found '" + GoValues.typeName(absent) + "'");
    }
    String type = text(fields.get("type"), "type", operation);
    return new Definition(type == null ? "" : type, text(fields.get("path"), "path", operation), fields.get("value"),
        (Boolean) absent, operation + " failed");
  }

  private static String text(Object value, String field, String operation) {
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw new PatchException("Expected " + operation + " field '" + field + "' to be a string, found '" + GoValues.typeName(value) + "'");
    }
    return value == null ? null : value.toString();
  }

  private static Op build(int index, Definition definition) {
    String kind = switch (definition.type()) {
      case "replace" -> "Replace";
      case "remove" -> "Remove";
      case "test" -> "Test";
      default -> throw new PatchException("Unknown operation [" + index + "] with type '" + definition.type() + "' within\n" + format(definition));
    };
    try {
      return switch (definition.type()) {
        case "replace" -> new ReplaceOp(path(definition, "Missing value", definition.value() == null), definition.value());
        case "remove" -> new RemoveOp(path(definition, "Cannot specify value", definition.value() != null));
        default -> new TestOp(path(definition, "Missing value or absent", definition.value() == null && definition.absent() == null),
            definition.value(), Boolean.TRUE.equals(definition.absent()));
      };
    } catch (PatchException e) {
      throw new PatchException(kind + " operation [" + index + "]: " + e.getMessage() + " within\n" + format(definition));
    }
  }

  /** The operation's path, after checking what go-patch checks before it: a path, then the value rule. */
  private static Pointer path(Definition definition, String valueProblem, boolean valueIsWrong) {
    if (definition.path() == null) {
      throw new PatchException("Missing path");
    }
    if (valueIsWrong) {
      throw new PatchException(valueProblem);
    }
    try {
      return Pointer.parse(definition.path());
    } catch (PatchException e) {
      throw new PatchException("Invalid path: " + e.getMessage());
    }
  }

  /** The operation as go-patch shows it in errors: indented JSON with the value redacted. */
  private static String format(Definition definition) {
    Map<String, String> fields = new LinkedHashMap<>();
    if (!definition.type().isEmpty()) {
      fields.put("Type", Json.write(definition.type()));
    }
    if (definition.path() != null) {
      fields.put("Path", Json.write(definition.path()));
    }
    if (definition.value() != null) {
      fields.put("Value", "\"<redacted>\"");
    }
    if (definition.absent() != null) {
      fields.put("Absent", definition.absent().toString());
    }
    fields.put("Error", Json.write(definition.error()));
    return fields.entrySet().stream().map(field -> "  \"" + field.getKey() + "\": " + field.getValue())
        .collect(Collectors.joining(",\n", "{\n", "\n}"));
  }
}
