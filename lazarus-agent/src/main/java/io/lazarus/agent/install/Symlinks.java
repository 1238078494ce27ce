package io.lazarus.agent.install;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Switches a symbolic link to a new target atomically: readers see the old target or the new one, never none. */
public final class Symlinks {
  private Symlinks() {}

  public static void switchAtomically(Path link, Path target) throws IOException {
    Files.createDirectories(link.getParent());
    if (Files.isDirectory(link, LinkOption.NOFOLLOW_LINKS)) {
      throw new IOException(link + " is a directory, not a link; refusing to replace it");
    }
    Path temporary = link.resolveSibling("." + link.getFileName() + "." + UUID.randomUUID() + ".link");
    Files.createSymbolicLink(temporary, target);
    try {
      // rename(2) over an existing link is atomic; ATOMIC_MOVE asks for exactly that.
      Files.move(temporary, link, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(temporary);
    }
  }
}
