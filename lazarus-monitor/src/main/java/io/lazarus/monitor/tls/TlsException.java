package io.lazarus.monitor.tls;

/** A certificate, key or trust file cannot be used; the message names the file. */
public final class TlsException extends RuntimeException {
  public TlsException(String message, Throwable cause) {
    super(message, cause);
  }
}
