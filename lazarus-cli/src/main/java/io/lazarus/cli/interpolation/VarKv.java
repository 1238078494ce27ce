package io.lazarus.cli.interpolation;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import io.lazarus.core.yaml.YamlException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * A {@code -v NAME=VALUE} flag. The value is read as YAML ({@code -v port=80} is a number, {@code -v 'azs=[z1]'} a
 * list); a value that YAML reads as a string is taken as typed, without its wrapping quotes, as the bosh CLI does.
 */
public record VarKv(String name, Object value) {
  /** Parses the flag's text with the bosh CLI's checks and messages. */
  public static final class Converter implements ITypeConverter<VarKv> {
    @Override
    public VarKv convert(String text) {
      int equals = text.indexOf('=');
      if (equals < 0) {
        throw new TypeConversionException("Expected var '" + text + "' to be in format 'name=value'");
      }
      String name = text.substring(0, equals);
      String raw = text.substring(equals + 1);
      if (name.isEmpty()) {
        throw new TypeConversionException("Expected var '" + text + "' to specify non-empty name");
      }
      if (raw.isEmpty()) {
        throw new TypeConversionException("Expected var '" + text + "' to specify non-empty value");
      }
      Object value;
      try {
        value = GoYaml.load("value", raw);
      } catch (YamlException e) {
        throw new TypeConversionException("Deserializing variables '" + text + "': " + GoYaml.problem(e));
      }
      return new VarKv(name, value instanceof String ? withoutWrappingQuotes(raw) : value);
    }

    private static String withoutWrappingQuotes(String text) {
      boolean quoted = text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"") || text.startsWith("'") && text.endsWith("'"));
      return quoted ? text.substring(1, text.length() - 1) : text;
    }
  }
}
