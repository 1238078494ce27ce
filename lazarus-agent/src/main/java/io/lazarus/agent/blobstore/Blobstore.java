package io.lazarus.agent.blobstore;

import java.io.IOException;
import java.nio.file.Path;

/** Where packages, rendered templates, compiled packages and log bundles travel. Thread-safe. */
public interface Blobstore extends AutoCloseable {

  /** Writes blob {@code id} to {@code target} (replacing it). */
  void get(String id, Path target) throws IOException, InterruptedException;

  /** Stores {@code file} as blob {@code id}. */
  void put(String id, Path file) throws IOException, InterruptedException;

  /** Releases connections; a store without any has nothing to do. */
  @Override
  default void close() {}
}
