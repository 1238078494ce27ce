package io.lazarus.director.blobstore;

import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * The Director's local blobstore: one file per blob under {@code <store>/blobstore}, named by a generated id.
 * A blob appears whole or not at all (written next to its final place, then renamed). Thread-safe.
 */
public final class Blobstore {
  private final Path root;

  public Blobstore(Path root) {
    this.root = root;
  }

  /** Copies {@code source} in and returns the new blob's id. */
  public String put(Path source) throws IOException {
    String id = UUID.randomUUID().toString();
    Path staging = Files.createTempFile(root, ".incoming-", ".tmp");
    try {
      Files.copy(source, staging, StandardCopyOption.REPLACE_EXISTING);
      Files.move(staging, path(id), StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staging);
    }
    return id;
  }

  /**
   * Stores what {@code in} yields under an id the writer chose (agents upload compiled packages and logs this way).
   * An existing blob is never replaced.
   *
   * @throws java.nio.file.FileAlreadyExistsException when a blob with that id exists
   */
  public void putAs(String id, InputStream in) throws IOException {
    Path target = path(id);
    if (Files.exists(target)) {
      throw new FileAlreadyExistsException(id);
    }
    Path staging = Files.createTempFile(root, ".incoming-", ".tmp");
    try {
      Files.copy(in, staging, StandardCopyOption.REPLACE_EXISTING);
      Files.move(staging, target);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  public Path path(String id) {
    if (!id.matches("[0-9a-f-]{36}")) {
      throw new IllegalArgumentException("'" + id + "' is not a blob id");
    }
    return root.resolve(id);
  }

  public boolean exists(String id) {
    return Files.exists(path(id));
  }

  public void delete(String id) {
    FileTrees.deleteRecursively(path(id));
  }
}
