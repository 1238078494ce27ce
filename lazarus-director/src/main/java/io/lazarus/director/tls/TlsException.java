package io.lazarus.director.tls;

/** TLS material that is missing, unreadable or inconsistent; the message names the file. */
public final class TlsException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public TlsException(String message) {
    super(message);
  }
}
