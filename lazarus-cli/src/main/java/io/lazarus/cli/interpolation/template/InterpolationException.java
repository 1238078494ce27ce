package io.lazarus.cli.interpolation.template;

/**
 * A manifest, ops file or variable source that cannot be interpolated. Messages read like the bosh CLI's, where each
 * context is prefixed to its cause: {@code Finding variable 'db.password': Expected to find a map key ...}.
 */
public final class InterpolationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InterpolationException(String message) {
    super(message);
  }

  public InterpolationException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code cause} in the context of {@code doing}, as the bosh CLI wraps errors: "doing: cause". */
  public static InterpolationException wrap(String doing, RuntimeException cause) {
    return new InterpolationException(doing + ": " + cause.getMessage(), cause);
  }
}
