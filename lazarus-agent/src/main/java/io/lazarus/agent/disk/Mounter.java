package io.lazarus.agent.disk;

import java.io.IOException;
import java.nio.file.Path;

/** Makes a disk directory appear at a mount point, and undoes it. */
public interface Mounter {
  void mount(Path disk, Path mountPoint) throws IOException, InterruptedException;

  void unmount(Path mountPoint) throws IOException, InterruptedException;

  /** How the mount is made, for the log. */
  String kind();
}
