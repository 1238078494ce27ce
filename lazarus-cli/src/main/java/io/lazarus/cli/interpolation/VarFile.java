package io.lazarus.cli.interpolation;

import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** A {@code --var-file NAME=PATH} flag: the variable's value is the file's text, as it is. */
public record VarFile(String name, Path path) {
  /** Parses the flag's text with the bosh CLI's checks and messages. */
  public static final class Converter implements ITypeConverter<VarFile> {
    @Override
    public VarFile convert(String text) {
      int equals = text.indexOf('=');
      if (equals < 0) {
        throw new TypeConversionException("Expected var '" + text + "' to be in format 'name=path'");
      }
      if (equals == 0) {
        throw new TypeConversionException("Expected var '" + text + "' to specify non-empty name");
      }
      if (equals == text.length() - 1) {
        throw new TypeConversionException("Expected var '" + text + "' to specify non-empty path");
      }
      return new VarFile(text.substring(0, equals), Path.of(text.substring(equals + 1)));
    }
  }
}
