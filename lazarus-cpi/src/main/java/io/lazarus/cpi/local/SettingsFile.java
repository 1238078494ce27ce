package io.lazarus.cpi.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/** A VM's {@code bosh/settings.json}: it holds the agent's credentials, so only its owner may read it. */
final class SettingsFile {
  private final Path file;

  SettingsFile(Path file) {
    this.file = file;
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> read() throws IOException {
    try {
      return Json.mapper().readValue(Files.readAllBytes(file), LinkedHashMap.class);
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  void write(Map<String, Object> settings) throws IOException {
    FileTrees.writeAtomically(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(settings),
        PosixFilePermissions.fromString("rw-------"));
  }
}
