package io.lazarus.agent.disk;

import java.io.IOException;
import java.nio.file.Path;

/** Makes a disk directory appear at a mount point, and undoes it. */
public interface Mounter {
  void mount(Path disk, Path mountPoint) throws IOException, InterruptedException;

  void unmount(Path mountPoint) throws IOException, InterruptedException;

  /** Whether a disk is at {@code mountPoint} now: a restart in a new mount namespace finds it gone. */
  boolean mounted(Path mountPoint) throws IOException;

  /** How the mount is made, for the log. */
  String kind();
}
