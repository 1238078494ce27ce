package io.lazarus.director.deploy;

import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * A manifest as BOSH's deploy diff shows it by default ({@code redact=true}): every value under a {@code properties}
 * or {@code bosh} mapping, at any depth, becomes {@code <redacted>}, and credentials in release URLs too, so that a
 * diff on a shared screen or in a CI log shows which properties changed shape but never their secrets. The result is
 * block YAML in the manifest's key order.
 */
final class ManifestRedaction {
  static final String REDACTED = "<redacted>";
  private static final List<String> REDACTED_KEYS = List.of("properties", "bosh");
  private static final Pattern URL_CREDENTIALS = Pattern.compile("(://)[^/@]+@");

  private ManifestRedaction() {}

  /** {@code text} (a manifest, or empty) redacted and written out again; empty stays empty. */
  static String redact(String text) {
    if (text.isBlank()) {
      return "";
    }
    Object root = redactKnownKeys(YamlDocument.parse("manifest", text).root());
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    return new Yaml(options).dump(root);
  }

  private static Object redactKnownKeys(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, child) -> {
        String name = String.valueOf(key);
        copy.put(name, REDACTED_KEYS.contains(name) && child instanceof Map<?, ?> ? redactAll(child)
            : name.equals("releases") ? releases(child) : redactKnownKeys(child));
      });
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ManifestRedaction::redactKnownKeys).toList();
    }
    return value;
  }

  private static Object redactAll(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> copy = new LinkedHashMap<>();
      map.forEach((key, child) -> copy.put(String.valueOf(key), redactAll(child)));
      return copy;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(ManifestRedaction::redactAll).toList();
    }
    return REDACTED;
  }

  /** Releases with {@code url: https://user:secret@host/...} keep the host and path, not the credentials. */
  private static Object releases(Object value) {
    if (!(value instanceof List<?> list)) {
      return redactKnownKeys(value);
    }
    List<Object> copy = new ArrayList<>();
    for (Object release : list) {
      Object redacted = redactKnownKeys(release);
      if (redacted instanceof Map<?, ?> map && map.get("url") instanceof String url) {
        @SuppressWarnings("unchecked")
        Map<String, Object> withUrl = (Map<String, Object>) map;
        withUrl.put("url", URL_CREDENTIALS.matcher(url).replaceFirst("$1" + REDACTED + ":" + REDACTED + "@"));
      }
      copy.add(redacted);
    }
    return copy;
  }
}
