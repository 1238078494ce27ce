package io.lazarus.cli.interpolation.patch;

/** One change to a YAML tree. */
public interface Op {
  /**
   * Applies this operation to {@code document}, changing it in place where it can, and returns the resulting document
   * (a new one only when the root itself is replaced).
   *
   * @throws PatchException when the document does not have the shape the operation's path expects
   */
  Object apply(Object document);
}
