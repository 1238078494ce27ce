package io.lazarus.cli.interpolation.generate;

import io.lazarus.cli.interpolation.template.InterpolationException;
import io.lazarus.cli.interpolation.yaml.GoValues;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A certificate definition's {@code options}, with the config server's defaults: organization "Cloud Foundry",
 * valid 365 days, a 3072-bit RSA key, server authentication for a certificate that is not a CA.
 */
record CertificateParameters(
    String commonName,
    String organization,
    List<String> alternativeNames,
    boolean isCa,
    String ca,
    List<String> extendedKeyUsage,
    int durationDays,
    int keyLength) {
  static final Set<String> SUPPORTED =
      Set.of("common_name", "organization", "alternative_names", "is_ca", "ca", "extended_key_usage", "duration", "key_length");
  static final List<Integer> KEY_LENGTHS = List.of(2048, 3072, 4096);
  private static final int DEFAULT_DURATION_DAYS = 365;
  private static final int DEFAULT_KEY_LENGTH = 3072;

  /** @throws InterpolationException naming the parameter that is unsupported or of the wrong type */
  static CertificateParameters parse(Object options) {
    Map<?, ?> map = options == null ? Map.of() : options instanceof Map<?, ?> given ? given : null;
    if (map == null) {
      throw new InterpolationException("Expected input to be deserializable: options must be a map, found '" + GoValues.typeName(options) + "'");
    }
    for (Object key : map.keySet()) {
      if (!SUPPORTED.contains(String.valueOf(key))) {
        throw new InterpolationException("Unsupported certificate parameter '" + key + "'");
      }
    }
    String organization = text(map, "organization");
    int duration = number(map, "duration");
    int keyLength = number(map, "key_length");
    return new CertificateParameters(text(map, "common_name"), organization.isEmpty() ? "Cloud Foundry" : organization,
        texts(map, "alternative_names"), flag(map, "is_ca"), text(map, "ca"), texts(map, "extended_key_usage"),
        duration > 0 ? duration : DEFAULT_DURATION_DAYS, keyLength == 0 ? DEFAULT_KEY_LENGTH : keyLength);
  }

  private static String text(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value instanceof Map<?, ?> || value instanceof List<?>) {
      throw invalid(key, "a string", value);
    }
    return value == null ? "" : value.toString();
  }

  private static List<String> texts(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value == null) {
      return List.of();
    }
    if (!(value instanceof List<?> items)) {
      throw invalid(key, "a list of strings", value);
    }
    List<String> texts = new ArrayList<>();
    for (Object item : items) {
      if (item == null || item instanceof Map<?, ?> || item instanceof List<?>) {
        throw invalid(key, "a list of strings", value);
      }
      texts.add(item.toString());
    }
    return List.copyOf(texts);
  }

  private static boolean flag(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value != null && !(value instanceof Boolean)) {
      throw invalid(key, "true or false", value);
    }
    return Boolean.TRUE.equals(value);
  }

  private static int number(Map<?, ?> map, String key) {
    Object value = map.get(key);
    if (value != null && !(value instanceof Integer)) {
      throw invalid(key, "an integer", value);
    }
    return value == null ? 0 : (Integer) value;
  }

  private static InterpolationException invalid(String key, String expected, Object value) {
    return new InterpolationException("Expected input to be deserializable: '" + key + "' must be " + expected + ", found '"
        + GoValues.typeName(value) + "'");
  }
}
