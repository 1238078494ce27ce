package io.lazarus.cli.config;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import tools.jackson.core.JacksonException;

/**
 * Reads and writes the CLI config file (JSON). It holds client secrets, so it is written with mode 0600 in a
 * directory of mode 0700, through a temporary file and a rename so a crash never leaves half a file.
 */
public final class ConfigStore {
  private final Path file;

  public ConfigStore(Path file) {
    this.file = file;
  }

  /** {@code $LAZARUS_CONFIG}, or {@code ~/.lazarus/config}. */
  public static Path locate(Map<String, String> environment, Path userHome) {
    String configured = environment.get("LAZARUS_CONFIG");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return userHome.resolve(".lazarus").resolve("config");
  }

  public Path file() {
    return file;
  }

  /** The saved config; empty when there is no file yet. */
  public CliConfig load() {
    if (!Files.exists(file)) {
      return CliConfig.empty();
    }
    try {
      String text = Files.readString(file);
      return text.isBlank() ? CliConfig.empty() : Json.read(text, CliConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Reading config file '" + file + "'", e);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "Config file '" + file + "' is not valid: " + e.getOriginalMessage(), e);
    }
  }

  public void save(CliConfig config) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (!Files.exists(parent)) {
        Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      }
      Path temporary = Files.createTempFile(parent, ".config", ".tmp",
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try {
        Files.writeString(temporary, Json.write(config) + "\n");
        moveIntoPlace(temporary);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Writing config file '" + file + "'", e);
    }
  }

  private void moveIntoPlace(Path temporary) throws IOException {
    try {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
