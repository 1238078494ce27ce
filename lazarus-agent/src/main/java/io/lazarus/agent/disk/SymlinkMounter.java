package io.lazarus.agent.disk;

import io.lazarus.agent.install.Symlinks;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where the agent may not mount (plain mode, not root): the mount point becomes a symbolic link to the disk's
 * directory. An empty directory in its place is replaced; one with files is refused, as it would hide them.
 * Unmounting leaves an empty directory, as an unmounted mount point looks.
 */
public final class SymlinkMounter implements Mounter {

  @Override
  public void mount(Path disk, Path mountPoint) throws IOException {
    if (Files.isDirectory(mountPoint, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> entries = Files.list(mountPoint)) {
        if (entries.findAny().isPresent()) {
          throw new RpcException("cannot mount at " + mountPoint + ": it is a directory with files in it");
        }
      }
      Files.delete(mountPoint);
    }
    Symlinks.switchAtomically(mountPoint, disk);
  }

  @Override
  public void unmount(Path mountPoint) throws IOException {
    if (Files.isSymbolicLink(mountPoint)) {
      Files.delete(mountPoint);
    }
    Files.createDirectories(mountPoint);
  }

  @Override
  public boolean mounted(Path mountPoint) {
    return Files.isSymbolicLink(mountPoint);
  }

  @Override
  public String kind() {
    return "symbolic link";
  }
}
