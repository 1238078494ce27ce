package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import java.security.SecureRandom;
import java.util.Map;

/**
 * A password of 20 characters from {@code a-z0-9}; {@code length} (when above 10) and {@code allowed_characters}
 * change that.
 */
final class PasswordGenerator implements ValueGenerator {
  private static final String DEFAULT_CHARACTERS = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int DEFAULT_LENGTH = 20;
  private static final int SHORTEST_LENGTH_OPTION = 11;

  private final SecureRandom random;

  PasswordGenerator(SecureRandom random) {
    this.random = random;
  }

  @Override
  public Object generate(Object options) {
    int[] characters = DEFAULT_CHARACTERS.codePoints().toArray();
    int length = DEFAULT_LENGTH;
    if (options != null) {
      if (!(options instanceof Map<?, ?> map) || !validOptions(map)) {
        throw new InterpolationException("Failed to generate password, parameters are invalid.");
      }
      if (map.get("allowed_characters") instanceof String allowed && !allowed.isEmpty()) {
        characters = allowed.codePoints().toArray();
      }
      if (map.get("length") instanceof Integer requested && requested >= SHORTEST_LENGTH_OPTION) {
        length = requested;
      }
    }
    StringBuilder password = new StringBuilder();
    for (int i = 0; i < length; i++) {
      password.appendCodePoint(characters[random.nextInt(characters.length)]);
    }
    return password.toString();
  }

  private static boolean validOptions(Map<?, ?> options) {
    Object allowed = options.get("allowed_characters");
    Object length = options.get("length");
    return (allowed == null || allowed instanceof String) && (length == null || length instanceof Integer);
  }
}
