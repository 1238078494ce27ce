package io.lazarus.agent.install;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Packs a directory tree into a gzipped tar with relative names ({@code ./bin/x}), keeping modes and links. */
public final class TarGzWriter {
  private TarGzWriter() {}

  /** Packs every entry under {@code directory} whose relative path {@code include} accepts. */
  public static void write(Path directory, Path archive, Predicate<Path> include) throws IOException {
    List<Path> entries;
    try (Stream<Path> walk = Files.walk(directory)) {
      entries = walk.filter(path -> !path.equals(directory)).sorted().toList();
    }
    try (OutputStream file = Files.newOutputStream(archive);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      for (Path path : entries) {
        Path relative = directory.relativize(path);
        boolean directoryEntry = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
        if (!directoryEntry && !include.test(relative)) {
          continue;
        }
        String name = "./" + relative.toString().replace('\\', '/');
        TarArchiveEntry entry;
        if (Files.isSymbolicLink(path)) {
          entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
          entry.setLinkName(Files.readSymbolicLink(path).toString());
        } else if (directoryEntry) {
          entry = new TarArchiveEntry(name + "/");
        } else if (Files.isRegularFile(path)) {
          entry = new TarArchiveEntry(name);
          entry.setSize(Files.size(path));
        } else {
          continue;
        }
        entry.setMode(mode(path));
        entry.setModTime(Files.getLastModifiedTime(path, LinkOption.NOFOLLOW_LINKS).toMillis());
        tar.putArchiveEntry(entry);
        if (entry.isFile()) {
          Files.copy(path, tar);
        }
        tar.closeArchiveEntry();
      }
      tar.finish();
    }
  }

  private static int mode(Path path) throws IOException {
    if (Files.isSymbolicLink(path)) {
      return 0120777;
    }
    Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 1 << (8 - permission.ordinal());
    }
    return (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS) ? 040000 : 0100000) | mode;
  }
}
