package io.lazarus.core.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a tar or tar.gz (BOSH release, stemcell, job and package tarballs) into an empty directory, refusing
 * anything that could write outside it: absolute names, {@code ..} segments, and symbolic or hard links whose
 * target leaves the tree. Device files and FIFOs are refused too. Sizes are bounded so a tar bomb cannot fill
 * the store.
 *
 * <p>On failure the caller owns cleaning the target directory (it is usually a temporary one).
 */
public final class TarballExtractor {
  private final long maxTotalBytes;

  public TarballExtractor(long maxTotalBytes) {
    this.maxTotalBytes = maxTotalBytes;
  }

  /**
   * Extracts {@code archive} (gzip detected from its magic bytes) into {@code target}.
   *
   * @param name how the archive is called in error messages, e.g. "release tarball" or "jobs/web.tgz"
   */
  public void extract(Path archive, Path target, String name) throws IOException, UnsafeArchiveException {
    Files.createDirectories(target);
    Path root = target.toRealPath();
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(archive));
        TarArchiveInputStream tar = new TarArchiveInputStream(maybeGunzip(raw, name))) {
      long total = 0;
      TarArchiveEntry entry;
      int entries = 0;
      while ((entry = nextEntry(tar, name)) != null) {
        entries++;
        Path destination = resolveInside(root, entry.getName(), name);
        if (entry.isDirectory()) {
          Files.createDirectories(destination);
        } else if (entry.isSymbolicLink() || entry.isLink()) {
          Path linkTarget = entry.isSymbolicLink()
              ? destination.getParent().resolve(entry.getLinkName()).normalize()
              : root.resolve(entry.getLinkName()).normalize();
          if (Path.of(entry.getLinkName()).isAbsolute() || !linkTarget.startsWith(root)) {
            throw new UnsafeArchiveException(
                name + ": entry '" + entry.getName() + "' links to '" + entry.getLinkName() + "', outside the archive");
          }
          Files.createDirectories(destination.getParent());
          if (entry.isSymbolicLink()) {
            Files.createSymbolicLink(destination, Path.of(entry.getLinkName()));
          } else {
            Files.copy(linkTarget, destination);
          }
        } else if (entry.isFile()) {
          Files.createDirectories(destination.getParent());
          total += copy(tar, destination, maxTotalBytes - total, name);
          if ((entry.getMode() & 0100) != 0) {
            destination.toFile().setExecutable(true, false);
          }
        } else {
          throw new UnsafeArchiveException(name + ": entry '" + entry.getName() + "' is not a file, directory or link");
        }
      }
      if (entries == 0) {
        throw new UnsafeArchiveException(name + ": archive is empty or not a tar archive");
      }
    }
  }

  private static TarArchiveEntry nextEntry(TarArchiveInputStream tar, String name) throws UnsafeArchiveException {
    try {
      return tar.getNextEntry();
    } catch (IOException | IllegalArgumentException e) {
      throw new UnsafeArchiveException(name + ": not a valid tar archive (" + e.getMessage() + ")", e);
    }
  }

  private static InputStream maybeGunzip(InputStream in, String name) throws IOException, UnsafeArchiveException {
    in.mark(2);
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    if (b1 == 0x1f && b2 == 0x8b) {
      try {
        return new GzipCompressorInputStream(in, true);
      } catch (IOException e) {
        throw new UnsafeArchiveException(name + ": corrupt gzip data (" + e.getMessage() + ")", e);
      }
    }
    return in;
  }

  private static Path resolveInside(Path root, String entryName, String name) throws UnsafeArchiveException {
    if (entryName.startsWith("/") || Path.of(entryName).isAbsolute()) {
      throw new UnsafeArchiveException(name + ": entry '" + entryName + "' has an absolute path");
    }
    for (String segment : entryName.split("/")) {
      if (segment.equals("..")) {
        throw new UnsafeArchiveException(name + ": entry '" + entryName + "' contains '..'");
      }
    }
    Path resolved = root.resolve(entryName).normalize();
    if (!resolved.startsWith(root)) {
      throw new UnsafeArchiveException(name + ": entry '" + entryName + "' escapes the archive");
    }
    return resolved;
  }

  private static long copy(InputStream in, Path destination, long budget, String name)
      throws IOException, UnsafeArchiveException {
    long written = 0;
    byte[] buffer = new byte[64 * 1024];
    try (OutputStream out = Files.newOutputStream(destination, StandardOpenOption.CREATE_NEW)) {
      int read;
      while ((read = in.read(buffer)) > 0) {
        written += read;
        if (written > budget) {
          throw new UnsafeArchiveException(name + ": unpacks to more than the allowed size");
        }
        out.write(buffer, 0, read);
      }
    }
    return written;
  }
}
