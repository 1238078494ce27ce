package io.lazarus.core.archive;

/** An archive that cannot be unpacked safely or at all: the message says which entry and why. */
public final class UnsafeArchiveException extends Exception {
  private static final long serialVersionUID = 1L;

  public UnsafeArchiveException(String message) {
    super(message);
  }

  public UnsafeArchiveException(String message, Throwable cause) {
    super(message, cause);
  }
}
