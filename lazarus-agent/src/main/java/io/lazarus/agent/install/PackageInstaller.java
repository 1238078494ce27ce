package io.lazarus.agent.install;

import io.lazarus.agent.AgentPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Installs compiled packages at BOSH's paths: unpacked under {@code data/packages/<name>/<version>}, linked from
 * {@code packages/<name>}. A version already unpacked is not fetched again.
 */
public final class PackageInstaller {
  private final AgentPaths paths;
  private final VerifiedDownload download;

  public PackageInstaller(AgentPaths paths, VerifiedDownload download) {
    this.paths = paths;
    this.download = download;
  }

  /** Makes sure the package is unpacked; returns its directory. Does not touch the link. */
  public Path stage(PackageRef ref) throws IOException, InterruptedException {
    Path directory = directoryOf(ref);
    if (Files.isDirectory(directory)) {
      return directory;
    }
    Files.createDirectories(directory.getParent());
    Path blob = download.fetch(ref.blobstoreId(), ref.sha1(), ref.toString());
    try {
      Unpacker.unpackTo(blob, directory, ref.toString());
    } finally {
      Files.deleteIfExists(blob);
    }
    return directory;
  }

  /** Stages the package and points {@code packages/<name>} at it. */
  public Path install(PackageRef ref) throws IOException, InterruptedException {
    Path directory = stage(ref);
    Symlinks.switchAtomically(linkOf(ref.name()), directory);
    return directory;
  }

  public Path directoryOf(PackageRef ref) {
    return paths.packagesData().resolve(ref.name()).resolve(ref.version());
  }

  public Path linkOf(String name) {
    return paths.packages().resolve(name);
  }
}
