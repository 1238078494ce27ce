package io.lazarus.cli.upload;

import io.lazarus.core.yaml.YamlDocument;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Reads the manifest ({@code stemcell.MF}, {@code release.MF}) at the top of a tarball without unpacking it. */
public final class TarballManifest {
  private static final int MAX_MANIFEST_BYTES = 16 * 1024 * 1024;

  private TarballManifest() {}

  /** @param kind what the tarball should be, for errors: "stemcell" or "release" */
  public static YamlDocument read(Path tarball, String manifestName, String kind) throws IOException {
    return YamlDocument.parse(tarball.getFileName() + ":" + manifestName, readText(tarball, manifestName, kind));
  }

  /** The manifest as written, for requests that send it on ({@code POST /packages/matches}). */
  public static String readText(Path tarball, String manifestName, String kind) throws IOException {
    if (!Files.isRegularFile(tarball)) {
      throw new IllegalArgumentException("File '" + tarball + "' does not exist or is not a file");
    }
    try (InputStream raw = new BufferedInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(gunzipIfNeeded(raw))) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        String name = entry.getName().startsWith("./") ? entry.getName().substring(2) : entry.getName();
        if (name.equals(manifestName) && entry.isFile()) {
          if (entry.getSize() > MAX_MANIFEST_BYTES) {
            throw new IllegalArgumentException(tarball + ": " + manifestName + " is larger than 16 MiB");
          }
          return new String(tar.readNBytes((int) entry.getSize()), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IllegalArgumentException(
        "'" + tarball + "' is not a " + kind + " tarball: it has no " + manifestName);
  }

  static InputStream gunzipIfNeeded(InputStream raw) throws IOException {
    raw.mark(2);
    int first = raw.read();
    int second = raw.read();
    raw.reset();
    return first == 0x1f && second == 0x8b ? new GzipCompressorInputStream(raw) : raw;
  }
}
