package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How the HM reaches the Director: Basic {@code user}/{@code password} when {@code /info} says local users,
 * {@code clientId}/{@code clientSecret} (client credentials) when it says uaa; {@code caCert} is the trust anchor
 * (absent: the JDK's default trust, or plain HTTP).
 */
public record DirectorConnection(URI endpoint, String user, String password, String clientId, String clientSecret, Optional<Path> caCert) {

  static DirectorConnection parse(ConfigReader reader, Object value) {
    var doc = reader.doc();
    if (value == null) {
      throw doc.fail("", "missing required field 'director' (endpoint and credentials)");
    }
    Map<String, Object> section = map(doc, "director", value);
    onlyKeys(doc, "director", section, Set.of("endpoint", "user", "password", "client_id", "client_secret", "director_ca_cert"));
    String endpoint = requiredString(doc, "director", section, "endpoint");
    URI uri;
    try {
      uri = URI.create(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint);
    } catch (IllegalArgumentException e) {
      throw doc.fail("director.endpoint", "is not a URL: " + e.getMessage());
    }
    if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
      throw doc.fail("director.endpoint", "must be an http(s)://host:port URL, got '" + endpoint + "'");
    }
    Optional<String> user = optionalString(doc, "director", section, "user");
    Optional<String> clientId = optionalString(doc, "director", section, "client_id");
    if (user.isEmpty() && clientId.isEmpty()) {
      throw doc.fail("director", "needs 'user' and 'password' (local users) or 'client_id' and 'client_secret' (uaa)");
    }
    String password = user.isPresent() ? requiredString(doc, "director", section, "password") : null;
    String secret = clientId.isPresent() ? requiredString(doc, "director", section, "client_secret") : null;
    Optional<Path> ca = section.get("director_ca_cert") == null ? Optional.empty() : Optional.of(reader.existingFile("director", section, "director_ca_cert"));
    return new DirectorConnection(uri, user.orElse(null), password, clientId.orElse(null), secret, ca);
  }

  @Override
  public String toString() {
    return "DirectorConnection[" + endpoint + ", user=" + user + ", clientId=" + clientId + "]"; // no secrets in logs
  }
}
