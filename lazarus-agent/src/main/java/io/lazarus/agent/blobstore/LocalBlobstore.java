package io.lazarus.agent.blobstore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Blobs as files in one directory: the agent's own store behind {@code PUT/GET /blobs/<id>} (create-env) and the
 * {@code local} provider. Writes go through a temporary file and a rename so readers never see half a blob.
 */
public final class LocalBlobstore implements Blobstore {
  private final Path directory;

  public LocalBlobstore(Path directory) {
    this.directory = directory;
  }

  public Path pathOf(String id) {
    if (!BlobIds.valid(id)) {
      throw new IllegalArgumentException("blob id '" + id + "' has characters a blob id cannot have");
    }
    return directory.resolve(id);
  }

  @Override
  public void get(String id, Path target) throws IOException {
    try {
      Files.copy(pathOf(id), target, StandardCopyOption.REPLACE_EXISTING);
    } catch (NoSuchFileException e) {
      throw new BlobstoreException("blobstore: no blob '" + id + "' in " + directory);
    }
  }

  @Override
  public void put(String id, Path file) throws IOException {
    try (var in = Files.newInputStream(file)) {
      write(id, in);
    }
  }

  /** Stores the bytes of {@code in} as blob {@code id}. */
  public void write(String id, java.io.InputStream in) throws IOException {
    Path target = pathOf(id);
    Files.createDirectories(directory);
    Path partial = Files.createTempFile(directory, "." + id, ".part");
    try {
      Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
