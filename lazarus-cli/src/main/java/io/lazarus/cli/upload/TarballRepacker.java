package io.lazarus.cli.upload;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/** Copies a tarball without some entries, as the bosh CLI repacks a release without packages the Director has. */
public final class TarballRepacker {
  private TarballRepacker() {}

  /**
   * Writes a gzipped copy of {@code tarball} without the {@code omitted} entries (names as in release.MF's layout,
   * e.g. {@code packages/ruby.tgz}; a leading {@code ./} in the tarball does not matter) to a new private temporary
   * file, which the caller deletes.
   */
  public static Path without(Path tarball, Set<String> omitted) throws IOException {
    Path copy = Files.createTempFile("lazarus-release", ".tgz",
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream in = new TarArchiveInputStream(TarballManifest.gunzipIfNeeded(raw));
        OutputStream file = new BufferedOutputStream(Files.newOutputStream(copy));
        TarArchiveOutputStream out = new TarArchiveOutputStream(new GzipCompressorOutputStream(file))) {
      out.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      out.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
      TarArchiveEntry entry;
      while ((entry = in.getNextEntry()) != null) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (omitted.contains(name)) {
          continue;
        }
        out.putArchiveEntry(entry);
        if (entry.isFile()) {
          in.transferTo(out);
        }
        out.closeArchiveEntry();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(copy);
      throw e;
    }
    return copy;
  }
}
