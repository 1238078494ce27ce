package io.lazarus.cli.client;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * A query string built as Go's {@code url.Values.Encode} does it, so requests match the bosh CLI's byte for byte:
 * keys sorted, form escaping ({@code ' '} as {@code +}, {@code ,} as {@code %2C}), empty values left out.
 */
public final class Query {
  private final Map<String, String> values = new TreeMap<>();

  public static Query of() {
    return new Query();
  }

  /** Adds {@code key=value} unless the value is null or empty. */
  public Query with(String key, Object value) {
    if (value != null && !value.toString().isEmpty()) {
      values.put(key, value.toString());
    }
    return this;
  }

  /** Adds {@code key=true} when {@code flag} is set. */
  public Query flag(String key, boolean flag) {
    return flag ? with(key, "true") : this;
  }

  /** {@code path} followed by {@code ?query} when there is any. */
  public String appendTo(String path) {
    if (values.isEmpty()) {
      return path;
    }
    StringBuilder out = new StringBuilder(path).append('?');
    String separator = "";
    for (Map.Entry<String, String> entry : values.entrySet()) {
      out.append(separator).append(escape(entry.getKey(), true)).append('=').append(escape(entry.getValue(), true));
      separator = "&";
    }
    return out.toString();
  }

  /** Escapes one path segment (a stemcell or deployment name). */
  public static String segment(String value) {
    return escape(value, false);
  }

  private static String escape(String value, boolean form) {
    StringBuilder out = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        out.append(c);
      } else if (c == ' ' && form) {
        out.append('+');
      } else {
        out.append('%').append(String.format("%02X", (int) c));
      }
    }
    return out.toString();
  }
}
