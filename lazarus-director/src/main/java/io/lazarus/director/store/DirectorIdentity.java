package io.lazarus.director.store;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

/**
 * The Director's name and uuid, kept in the store so they survive restarts and travel with the store (a Director
 * restored from another's store "is" that Director).
 */
public record DirectorIdentity(String name, String uuid) {

  /** Reads the identity, creating it with a fresh uuid on first start; a changed name in the config is kept. */
  public static DirectorIdentity loadOrCreate(Path file, String name) throws IOException {
    if (Files.exists(file)) {
      DirectorIdentity stored = Json.read(Files.readString(file), DirectorIdentity.class);
      if (stored.name().equals(name)) {
        return stored;
      }
      DirectorIdentity renamed = new DirectorIdentity(name, stored.uuid());
      FileTrees.writeAtomically(file, Json.write(renamed).getBytes(), null);
      return renamed;
    }
    DirectorIdentity created = new DirectorIdentity(name, UUID.randomUUID().toString());
    FileTrees.writeAtomically(file, Json.write(created).getBytes(), null);
    return created;
  }
}
