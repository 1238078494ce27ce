package io.lazarus.core.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.Set;
import java.util.stream.Stream;

/** File-system helpers used wherever Lazarus writes state: recursive delete and atomic writes. */
public final class FileTrees {
  private FileTrees() {}

  /** Deletes {@code path} and everything below it; a missing path is fine. Links are removed, not followed. */
  public static void deleteRecursively(Path path) {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + path, e);
    }
  }

  /**
   * Writes {@code content} to {@code file} through a temporary file in the same directory and an atomic rename, so
   * a reader never sees half a file. {@code permissions} may be null for the defaults.
   */
  public static void writeAtomically(Path file, byte[] content, Set<PosixFilePermission> permissions) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Files.createDirectories(dir);
    Path tmp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp");
    try {
      if (permissions != null) {
        Files.setPosixFilePermissions(tmp, permissions);
      }
      Files.write(tmp, content, StandardOpenOption.TRUNCATE_EXISTING);
      Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
