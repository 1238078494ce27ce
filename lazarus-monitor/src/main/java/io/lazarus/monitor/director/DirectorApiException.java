package io.lazarus.monitor.director;

/** The Director could not be reached, or answered a status the call did not expect ({@code status} 0: no answer). */
public final class DirectorApiException extends RuntimeException {
  private final int status;

  public DirectorApiException(int status, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
  }

  public int status() {
    return status;
  }
}
