package io.lazarus.monitor.plugins.webhook;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.monitor.plugins.Plugin;
import io.lazarus.monitor.plugins.PluginContext;
import io.lazarus.monitor.plugins.PluginProvider;
import io.lazarus.monitor.tls.PemTls;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * {@code webhook} in hm.yml: {@code options: {url, attempts (default 5), backoff (seconds, default 2),
 * ca_cert (file, for https; relative to hm.yml)}}.
 */
public final class WebhookProvider implements PluginProvider {
  @Override
  public String name() {
    return "webhook";
  }

  @Override
  public Plugin create(YamlDocument doc, String path, Map<String, Object> options, PluginContext context) {
    onlyKeys(doc, path, options, Set.of("url", "attempts", "backoff", "ca_cert"));
    if (options.isEmpty()) {
      throw doc.fail(path, "the webhook plugin needs options with a 'url'");
    }
    String text = requiredString(doc, path, options, "url");
    URI url;
    try {
      url = URI.create(text);
    } catch (IllegalArgumentException e) {
      throw doc.fail(child(path, "url"), "is not a URL: " + e.getMessage());
    }
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw doc.fail(child(path, "url"), "must be an http or https URL, got '" + text + "'");
    }
    int attempts = (int) positive(doc, child(path, "attempts"), options.get("attempts"), 5);
    long backoff = positive(doc, child(path, "backoff"), options.get("backoff"), 2);
    HttpClient.Builder http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5));
    optionalString(doc, path, options, "ca_cert").ifPresent(ca -> {
      Path file = Path.of(doc.source()).toAbsolutePath().getParent().resolve(ca).normalize();
      if (!Files.isReadable(file)) {
        throw doc.fail(child(path, "ca_cert"), "file " + file + " does not exist or is not readable");
      }
      http.sslContext(PemTls.trusting(file));
    });
    return new WebhookPlugin(url, http.build(), context.clock(), attempts, Duration.ofSeconds(backoff));
  }

  private static long positive(YamlDocument doc, String path, Object value, long fallback) {
    if (value == null) {
      return fallback;
    }
    long number = integer(doc, path, value);
    if (number < 1 || number > 3600) {
      throw doc.fail(path, "must be between 1 and 3600, got " + number);
    }
    return number;
  }
}
