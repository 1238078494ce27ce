package io.lazarus.director;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.store.StoreLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;

/**
 * {@code lazarus director --dev}: writes a director config with safe defaults into the store, so a first-time user
 * needs no file of their own, plus everything a local Health Monitor needs ({@link #hmConfig}). The passwords of
 * {@code admin} and of the Health Monitor's user {@code hm} are generated once and kept (the files are the owner's
 * only), so env.json, saved logins and hm.yml stay valid across restarts.
 */
public final class DevSetup {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private DevSetup() {}

  /** Writes (or refreshes, keeping passwords and keys) {@code <store>/director/director.yml} and returns its path. */
  public static Path writeDevConfig(Path store, String address, int port) throws IOException {
    Path file = store.toAbsolutePath().resolve("director").resolve("director.yml");
    Map<String, String> passwords = existingPasswords(file);
    String admin = passwords.getOrDefault("admin", newPassword());
    String hm = passwords.getOrDefault(DevHealthMonitor.USER, newPassword());
    DevHealthMonitor monitor = new DevHealthMonitor(store, port);
    monitor.writeMaterial();
    String yaml =
        "# Written by `lazarus director --dev`; edit freely, the passwords are kept across restarts.\n"
            + "name: lazarus-dev\n"
            + "address: " + address + "\n"
            + "port: " + port + "\n"
            + "store: " + store.toAbsolutePath() + "\n"
            + "user_management:\n"
            + "  provider: local\n"
            + "  local:\n"
            + "    users:\n"
            + "    - name: admin\n"
            + "      password: " + admin + "\n"
            + "    - name: " + DevHealthMonitor.USER + "\n"
            + "      password: " + hm + "\n"
            + "      scopes: [bosh.admin]\n"
            + monitor.directorSection();
    FileTrees.writeAtomically(file, yaml.getBytes(), OWNER_ONLY);
    String directorUrl = "https://" + (address.equals("0.0.0.0") ? "127.0.0.1" : address.contains(":") ? "[" + address + "]" : address) + ":" + port;
    Path directorCa = new StoreLayout(store).tls().resolve("ca.pem");
    FileTrees.writeAtomically(hmConfig(store), monitor.hmConfig(directorUrl, hm, directorCa).getBytes(), OWNER_ONLY);
    return file;
  }

  /** Where {@link #writeDevConfig} puts the Health Monitor's config: {@code <store>/hm/hm.yml}. */
  public static Path hmConfig(Path store) {
    return DevHealthMonitor.configFile(store);
  }

  private static String newPassword() {
    byte[] random = new byte[18];
    new SecureRandom().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  /** The plain passwords of the local users of an earlier dev config, by name; none when it is absent or unreadable. */
  private static Map<String, String> existingPasswords(Path file) throws IOException {
    Map<String, String> passwords = new HashMap<>();
    if (!Files.exists(file)) {
      return passwords;
    }
    try {
      Object userManagement = YamlDocument.parse(file.toString(), Files.readString(file)).rootMap().get("user_management");
      if (userManagement instanceof Map<?, ?> um && um.get("local") instanceof Map<?, ?> local && local.get("users") instanceof Iterable<?> users) {
        for (Object user : users) {
          if (user instanceof Map<?, ?> entry && entry.get("name") instanceof String name && entry.get("password") != null) {
            passwords.put(name, String.valueOf(entry.get("password")));
          }
        }
      }
    } catch (YamlException e) {
      // an edited file that no longer parses: new passwords, as on a first start
    }
    return passwords;
  }
}
