package io.lazarus.core.json;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one JSON mapper of Lazarus. BOSH's wire format is snake_case ({@code context_id}, {@code started_at}), so
 * record components written in camelCase are mapped to snake_case; unknown fields are ignored on read, as the
 * bosh CLI does, so newer peers do not break older ones.
 */
public final class Json {
  private static final JsonMapper MAPPER =
      JsonMapper.builder()
          .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .build();

  private Json() {}

  /** Thread-safe and shared; do not reconfigure. */
  public static JsonMapper mapper() {
    return MAPPER;
  }

  public static String write(Object value) {
    return MAPPER.writeValueAsString(value);
  }

  public static <T> T read(String json, Class<T> type) {
    return MAPPER.readValue(json, type);
  }
}
