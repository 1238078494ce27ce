package io.lazarus.cli.interpolation.template;

/**
 * A variable as a source is asked for it: its name, and from the manifest's {@code variables:} section the type and
 * generation options (with their own variables already interpolated); type and options are null for a variable the
 * section does not define.
 */
public record VariableDefinition(String name, String type, Object options) {
  public static VariableDefinition named(String name) {
    return new VariableDefinition(name, null, null);
  }

  /** Whether the section gives a type, so that a vars store may generate the value. */
  public boolean typed() {
    return type != null && !type.isEmpty();
  }
}
