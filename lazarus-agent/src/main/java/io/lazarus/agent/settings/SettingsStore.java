package io.lazarus.agent.settings;

import io.lazarus.core.files.FileTrees;
import io.lazarus.agent.json.JsonCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads settings.json on demand (the CPI rewrites it when a disk is attached) and writes it back when the agent
 * changes it itself (add_persistent_disk). Thread-safe: writes are serialised and atomic.
 */
public final class SettingsStore {
  private final Path file;

  public SettingsStore(Path file) {
    this.file = file;
  }

  public Path file() {
    return file;
  }

  /** A fresh read of the file. */
  public Settings load() {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new SettingsException(file + ": no settings file (the CPI writes it before starting the agent)");
    } catch (IOException e) {
      throw new SettingsException(file + ": cannot read (" + e.getMessage() + ")", e);
    }
    return new SettingsParser(file.toString()).parse(text);
  }

  /** Sets or removes ({@code diskPath} null) {@code disks.persistent.<cid>} and rewrites the file. */
  public synchronized void updatePersistentDisk(String cid, JsonNode diskSettings) {
    ObjectNode root = (ObjectNode) load().raw().deepCopy();
    JsonNode disks = root.path("disks");
    ObjectNode disksObject = disks.isObject() ? (ObjectNode) disks : root.putObject("disks");
    JsonNode persistent = disksObject.path("persistent");
    ObjectNode persistentObject = persistent.isObject() ? (ObjectNode) persistent : disksObject.putObject("persistent");
    if (diskSettings == null) {
      persistentObject.remove(cid);
    } else {
      persistentObject.set(cid, diskSettings);
    }
    write(root);
  }

  private void write(JsonNode root) {
    try {
      FileTrees.writeAtomically(file, JsonCodec.writeBytes(root), PosixFilePermissions.fromString("rw-------"));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }
}
