package io.lazarus.director;

import static io.lazarus.core.yaml.YamlValues.bool;
import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.integer;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.auth.LocalUser;
import io.lazarus.director.db.DatabaseConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Director's configuration, read from {@code director.yml}. Relative paths are resolved against the file's
 * directory. Every key is checked: an unknown or mistyped key fails with the file, path and line.
 *
 * <pre>
 * name: lazarus                 # shown by `bosh env`
 * address: 127.0.0.1            # listen address, also put in the certificate's SANs
 * port: 25555
 * store: ./store                # director/, blobstore/ and the embedded database live here
 * workers: 3
 * max_upload_size: 10G          # larger uploads get 413
 * database: {url: jdbc:postgresql://127.0.0.1/bosh, user: bosh, password: secret}   # default: H2 in the store
 * tls: {certificate: server.pem, private_key: server.key, ca: ca.pem}               # default: generated
 * user_management:
 *   provider: local             # or uaa
 *   local: {users: [{name: admin, password: secret}, {name: viewer, password_hash: "$2a$...", scopes: [bosh.read]}]}
 *   uaa: {url: https://uaa:8443, issuer: https://uaa:8443/oauth/token, jwks_url: https://uaa:8443/token_keys}
 * cpi: {type: local}            # or {type: dummy}, or {type: external, executable: ./cpi, properties: {...}}: {@link CpiChoice}
 * health_monitor: {heartbeat_url: ..., heartbeat_key: ..., heartbeat_ca: ..., api_url: ...}   # optional: {@link HealthMonitorConfig}
 * scan_and_fix: {auto_fix_stateful_nodes: true}   # false: scan_and_fix leaves instances with a persistent disk alone
 * </pre>
 */
public record DirectorConfig(
    String name,
    String address,
    int port,
    Path store,
    int workers,
    long maxUploadBytes,
    Optional<DatabaseConfig> database,
    Optional<TlsFiles> tls,
    UserManagement userManagement,
    CpiChoice cpi,
    Optional<HealthMonitorConfig> healthMonitor,
    ScanAndFix scanAndFix) {

  /**
   * {@code scan_and_fix}: whether the Resurrector's scan-and-fix also heals instances with a persistent disk. BOSH's
   * director job defaults it to true (docs/internals/healing.md): their disk is reattached to the new VM.
   */
  public record ScanAndFix(boolean autoFixStatefulNodes) {
    public static final ScanAndFix DEFAULT = new ScanAndFix(true);
  }

  /** Operator-supplied TLS files; absent means "generate into the store". */
  public record TlsFiles(Path certificate, Path privateKey, Path ca) {}

  /**
   * Local users or a UAA server. {@code envCredentials} is the first admin given with a plain password (as
   * {@code director --dev} writes it): what env.json offers to scripts.
   */
  public record UserManagement(String provider, List<LocalUser> users, Optional<Uaa> uaa, Optional<Credentials> envCredentials) {}

  /** A user name and its plain password. */
  public record Credentials(String client, String clientSecret) {}

  /** Where UAA-style tokens come from and how to check them. */
  public record Uaa(String url, String issuer, String jwksUrl) {}

  public static final int DEFAULT_PORT = 25555;

  public DatabaseConfig databaseConfig() {
    return database.orElseGet(() -> DatabaseConfig.embedded(store));
  }

  /**
   * Reads and validates a config file.
   *
   * @throws YamlException naming the file, the path and the line of the first problem
   */
  public static DirectorConfig load(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new YamlException(file.toString(), 0, "cannot read: " + e.getMessage());
    }
    return parse(YamlDocument.parse(file.toString(), text), file.toAbsolutePath().getParent());
  }

  static DirectorConfig parse(YamlDocument doc, Path baseDir) {
    Map<String, Object> root = doc.rootMap();
    onlyKeys(doc, "", root, Set.of("name", "address", "port", "store", "workers", "max_upload_size", "database", "tls", "user_management", "cpi", "health_monitor", "scan_and_fix"));
    String name = optionalString(doc, "", root, "name").orElse("lazarus");
    String address = optionalString(doc, "", root, "address").orElse("127.0.0.1");
    int port = root.containsKey("port") ? (int) range(doc, "port", integer(doc, "port", root.get("port")), 0, 65535) : DEFAULT_PORT;
    Path store = baseDir.resolve(requiredString(doc, "", root, "store")).normalize();
    int workers = root.containsKey("workers") ? (int) range(doc, "workers", integer(doc, "workers", root.get("workers")), 1, 64) : 3;
    long maxUpload = root.containsKey("max_upload_size") ? size(doc, "max_upload_size", root.get("max_upload_size")) : 10L << 30;
    Optional<DatabaseConfig> database = Optional.empty();
    if (root.get("database") != null) {
      Map<String, Object> db = map(doc, "database", root.get("database"));
      onlyKeys(doc, "database", db, Set.of("url", "user", "password"));
      String url = requiredString(doc, "database", db, "url");
      if (!url.startsWith("jdbc:postgresql:") && !url.startsWith("jdbc:h2:")) {
        throw doc.fail("database.url", "must be a jdbc:postgresql: or jdbc:h2: URL, got '" + url + "'");
      }
      database = Optional.of(new DatabaseConfig(url, optionalString(doc, "database", db, "user").orElse(null), optionalString(doc, "database", db, "password").orElse(null)));
    }
    Optional<TlsFiles> tls = Optional.empty();
    if (root.get("tls") != null) {
      Map<String, Object> t = map(doc, "tls", root.get("tls"));
      onlyKeys(doc, "tls", t, Set.of("certificate", "private_key", "ca"));
      tls = Optional.of(new TlsFiles(existing(doc, baseDir, "tls", t, "certificate"), existing(doc, baseDir, "tls", t, "private_key"), existing(doc, baseDir, "tls", t, "ca")));
    }
    UserManagement users = userManagement(doc, root.get("user_management"));
    CpiChoice cpi = CpiChoice.parse(doc, root.get("cpi"), baseDir);
    Optional<HealthMonitorConfig> healthMonitor = HealthMonitorConfig.parse(doc, root.get("health_monitor"), baseDir);
    return new DirectorConfig(name, address, port, store, workers, maxUpload, database, tls, users, cpi, healthMonitor, scanAndFix(doc, root.get("scan_and_fix")));
  }

  private static ScanAndFix scanAndFix(YamlDocument doc, Object value) {
    if (value == null) {
      return ScanAndFix.DEFAULT;
    }
    Map<String, Object> section = map(doc, "scan_and_fix", value);
    onlyKeys(doc, "scan_and_fix", section, Set.of("auto_fix_stateful_nodes"));
    Object fix = section.get("auto_fix_stateful_nodes");
    return fix == null ? ScanAndFix.DEFAULT : new ScanAndFix(bool(doc, "scan_and_fix.auto_fix_stateful_nodes", fix));
  }

  private static UserManagement userManagement(YamlDocument doc, Object value) {
    if (value == null) {
      throw doc.fail("", "missing required field 'user_management' (local users or uaa)");
    }
    Map<String, Object> um = map(doc, "user_management", value);
    onlyKeys(doc, "user_management", um, Set.of("provider", "local", "uaa"));
    String provider = optionalString(doc, "user_management", um, "provider").orElse("local");
    switch (provider) {
      case "local" -> {
        if (um.get("local") == null) {
          throw doc.fail("user_management", "missing required field 'local' for provider local");
        }
        Map<String, Object> local = map(doc, "user_management.local", um.get("local"));
        onlyKeys(doc, "user_management.local", local, Set.of("users"));
        List<LocalUser> users = new ArrayList<>();
        Optional<Credentials> env = Optional.empty();
        List<Object> entries = list(doc, "user_management.local.users", local.get("users"));
        for (int i = 0; i < entries.size(); i++) {
          String path = "user_management.local.users[" + i + "]";
          LocalUser user = localUser(doc, path, entries.get(i));
          users.add(user);
          Optional<String> plain = optionalString(doc, path, map(doc, path, entries.get(i)), "password");
          if (env.isEmpty() && user.admin() && plain.isPresent()) {
            env = Optional.of(new Credentials(user.name(), plain.get()));
          }
        }
        if (users.isEmpty()) {
          throw doc.fail("user_management.local.users", "at least one user is required");
        }
        return new UserManagement("local", users, Optional.empty(), env);
      }
      case "uaa" -> {
        if (um.get("uaa") == null) {
          throw doc.fail("user_management", "missing required field 'uaa' for provider uaa");
        }
        Map<String, Object> uaa = map(doc, "user_management.uaa", um.get("uaa"));
        onlyKeys(doc, "user_management.uaa", uaa, Set.of("url", "issuer", "jwks_url"));
        String url = requiredString(doc, "user_management.uaa", uaa, "url");
        String issuer = optionalString(doc, "user_management.uaa", uaa, "issuer").orElse(url + "/oauth/token");
        String jwks = optionalString(doc, "user_management.uaa", uaa, "jwks_url").orElse(url + "/token_keys");
        return new UserManagement("uaa", List.of(), Optional.of(new Uaa(url, issuer, jwks)), Optional.empty());
      }
      default -> throw doc.fail("user_management.provider", "must be 'local' or 'uaa', got '" + provider + "'");
    }
  }

  private static LocalUser localUser(YamlDocument doc, String path, Object value) {
    Map<String, Object> user = map(doc, path, value);
    onlyKeys(doc, path, user, Set.of("name", "password", "password_hash", "scopes"));
    String name = requiredString(doc, path, user, "name");
    Optional<String> password = optionalString(doc, path, user, "password");
    Optional<String> hash = optionalString(doc, path, user, "password_hash");
    if (password.isPresent() == hash.isPresent()) {
      throw doc.fail(path, "user '" + name + "' needs exactly one of 'password' or 'password_hash'");
    }
    if (hash.isPresent() && !hash.get().matches("\\$2[aby]\\$\\d\\d\\$.{53}")) {
      throw doc.fail(child(path, "password_hash"), "is not a bcrypt hash ($2a$, $2b$ or $2y$)");
    }
    boolean admin = true;
    if (user.get("scopes") != null) {
      List<Object> scopes = list(doc, child(path, "scopes"), user.get("scopes"));
      if (!scopes.contains("bosh.admin") && !scopes.contains("bosh.read")) {
        throw doc.fail(child(path, "scopes"), "must contain bosh.admin or bosh.read");
      }
      admin = scopes.contains("bosh.admin");
    }
    return hash.isPresent() ? LocalUser.withBcryptHash(name, hash.get(), admin) : LocalUser.withPlainPassword(name, password.get(), admin);
  }

  static Path existing(YamlDocument doc, Path baseDir, String path, Map<String, Object> map, String key) {
    Path file = baseDir.resolve(requiredString(doc, path, map, key)).normalize();
    if (!Files.isReadable(file)) {
      throw doc.fail(child(path, key), "file " + file + " does not exist or is not readable");
    }
    return file;
  }

  private static long range(YamlDocument doc, String path, long value, long min, long max) {
    if (value < min || value > max) {
      throw doc.fail(path, "must be between " + min + " and " + max + ", got " + value);
    }
    return value;
  }

  private static long size(YamlDocument doc, String path, Object value) {
    if (value instanceof Number) {
      return range(doc, path, integer(doc, path, value), 1, Long.MAX_VALUE);
    }
    String text = String.valueOf(value).trim().toUpperCase(Locale.ROOT);
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\s*([KMGT]?)B?").matcher(text);
    if (!m.matches()) {
      throw doc.fail(path, "must be a size such as 512M or 10G, got '" + value + "'");
    }
    int shift = switch (m.group(2)) {
      case "K" -> 10;
      case "M" -> 20;
      case "G" -> 30;
      case "T" -> 40;
      default -> 0;
    };
    return Long.parseLong(m.group(1)) << shift;
  }

}
