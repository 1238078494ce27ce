package io.lazarus.director;

/**
 * A failure the Director reports to its client as BOSH does: an HTTP status and a body
 * {@code {"code": <BOSH error code>, "description": "..."}}. Thrown by handlers and jobs; the API maps it once, and a
 * task that ends with one records its description as the task result.
 */
public class DirectorException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int code;
  private final int httpStatus;

  public DirectorException(ErrorCode error, String description) {
    this(error.code(), error.httpStatus(), description);
  }

  public DirectorException(int code, int httpStatus, String description) {
    super(description);
    this.code = code;
    this.httpStatus = httpStatus;
  }

  public int code() {
    return code;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
