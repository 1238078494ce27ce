package io.lazarus.cli.interpolation;

import io.lazarus.cli.CliEnvironment;
import io.lazarus.cli.interpolation.template.InterpolationException;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** The text of the files the flags name, with errors that say which file and why. */
final class InputFiles {
  private InputFiles() {}

  /** The text of {@code file}, or of stdin for {@code -}; {@code doing} starts the error ("Reading ops file"). */
  static String read(Path file, String doing, CliEnvironment environment) {
    try {
      if (file.toString().equals("-")) {
        StringWriter text = new StringWriter();
        environment.in().transferTo(text);
        return text.toString();
      }
      return Files.readString(file);
    } catch (IOException e) {
      throw new InterpolationException(doing + " '" + file + "': " + reason(e), e);
    }
  }

  private static String reason(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      case CharacterCodingException binary -> "not UTF-8 text";
      default -> e.getMessage();
    };
  }
}
