package io.lazarus.core.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Date;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes reproducible gzipped tarballs: entries sorted by name, every time stamp the epoch, owner root, modes 0755
 * for executables and directories and 0644 otherwise. The same files give the same bytes, so digests and
 * fingerprints of built artifacts stay stable from one build to the next.
 */
public final class TarballWriter {
  private TarballWriter() {}

  /** Archives the regular files and directories under {@code dir} (as {@code ./name} entries) into {@code tarball}. */
  public static void writeDirectory(Path dir, Path tarball) throws IOException {
    SortedMap<String, Path> entries = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      walk.filter(path -> !path.equals(dir)).forEach(path -> entries.put("./" + dir.relativize(path).toString().replace('\\', '/'), path));
    }
    write(entries, tarball);
  }

  /** Archives the given files (entry name → file; directories are implied and added) into {@code tarball}. */
  public static void write(Map<String, Path> files, Path tarball) throws IOException {
    SortedMap<String, Path> sorted = new TreeMap<>(files);
    Path staging = Files.createTempFile(tarball.toAbsolutePath().getParent(), ".tarball-", ".tmp");
    try {
      try (OutputStream out = Files.newOutputStream(staging);
          TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out, fixedGzipHeader()))) {
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        for (Map.Entry<String, Path> entry : sorted.entrySet()) {
          add(tar, entry.getKey(), entry.getValue());
        }
      }
      Files.move(staging, tarball, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(staging);
    }
  }

  private static void add(TarArchiveOutputStream tar, String name, Path path) throws IOException {
    boolean directory = Files.isDirectory(path);
    TarArchiveEntry entry = new TarArchiveEntry(directory ? name + "/" : name, true);
    entry.setModTime(new Date(0));
    entry.setUserName("root");
    entry.setGroupName("root");
    entry.setMode(directory || Files.isExecutable(path) ? 0755 : 0644);
    if (!directory) {
      entry.setSize(Files.size(path));
    }
    tar.putArchiveEntry(entry);
    if (!directory) {
      Files.copy(path, tar);
    }
    tar.closeArchiveEntry();
  }

  private static GzipParameters fixedGzipHeader() {
    GzipParameters parameters = new GzipParameters();
    parameters.setModificationTime(0);
    return parameters;
  }
}
