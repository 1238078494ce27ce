package io.lazarus.director;

import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * {@code lazarus director --dev}: writes a director config with safe defaults into the store, so a first-time user
 * needs no file of their own. The admin password is generated once and kept (the file is the owner's only), so
 * env.json and saved logins stay valid across restarts.
 */
public final class DevSetup {
  private DevSetup() {}

  /** Writes (or refreshes, keeping the password) {@code <store>/director/director.yml} and returns its path. */
  public static Path writeDevConfig(Path store, String address, int port) throws IOException {
    Path file = store.toAbsolutePath().resolve("director").resolve("director.yml");
    String password = existingPassword(file);
    if (password == null) {
      byte[] random = new byte[18];
      new SecureRandom().nextBytes(random);
      password = HexFormat.of().formatHex(random);
    }
    String yaml =
        "# Written by `lazarus director --dev`; edit freely, the admin password is kept across restarts.\n"
            + "name: lazarus-dev\n"
            + "address: " + address + "\n"
            + "port: " + port + "\n"
            + "store: " + store.toAbsolutePath() + "\n"
            + "user_management:\n"
            + "  provider: local\n"
            + "  local:\n"
            + "    users:\n"
            + "    - name: admin\n"
            + "      password: " + password + "\n";
    FileTrees.writeAtomically(file, yaml.getBytes(), PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  private static String existingPassword(Path file) throws IOException {
    if (!Files.exists(file)) {
      return null;
    }
    for (String line : Files.readAllLines(file)) {
      String trimmed = line.trim();
      if (trimmed.startsWith("password: ")) {
        return trimmed.substring("password: ".length()).trim();
      }
    }
    return null;
  }
}
