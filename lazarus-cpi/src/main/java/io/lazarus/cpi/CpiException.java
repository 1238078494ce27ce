package io.lazarus.cpi;

/**
 * A CPI failure in the external CPI protocol's terms: an error {@code type} (e.g. {@code Bosh::Clouds::CloudError}),
 * a message, and whether the call may be retried.
 */
public final class CpiException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String type;
  private final boolean okToRetry;

  public CpiException(String type, String message, boolean okToRetry) {
    super(message);
    this.type = type;
    this.okToRetry = okToRetry;
  }

  public CpiException(String type, String message, boolean okToRetry, Throwable cause) {
    super(message, cause);
    this.type = type;
    this.okToRetry = okToRetry;
  }

  public String type() {
    return type;
  }

  public boolean okToRetry() {
    return okToRetry;
  }
}
