package io.lazarus.agent.install;

import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/** Unpacks a tgz into a fresh directory that appears under its final name only once complete. */
public final class Unpacker {
  private static final long MAX_UNPACKED_BYTES = 8L * 1024 * 1024 * 1024;

  private Unpacker() {}

  /** Unpacks into a new directory beside {@code target} and renames it to {@code target} (which must not exist). */
  public static void unpackTo(Path archive, Path target, String what) throws IOException {
    Path staging = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID());
    try {
      unpackInto(archive, staging, what);
      Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      FileTrees.deleteRecursively(staging);
    }
  }

  /** Unpacks into {@code directory}, created if needed. */
  public static void unpackInto(Path archive, Path directory, String what) throws IOException {
    try {
      new TarballExtractor(MAX_UNPACKED_BYTES).extract(archive, directory, what);
    } catch (UnsafeArchiveException e) {
      throw new RpcException(e.getMessage(), e);
    }
  }
}
