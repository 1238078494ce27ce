package io.lazarus.cli.interpolation.patch;

/** A path names an array index beyond the array. */
public final class MissingIndexException extends PatchException {
  private static final long serialVersionUID = 1L;

  private final transient Pointer path;

  MissingIndexException(int index, int length, Pointer path) {
    super("Expected to find array index '" + index + "' but found array of length '" + length + "' for path '" + path + "'");
    this.path = path;
  }

  /** The path up to and including the missing index. */
  public Pointer path() {
    return path;
  }
}
