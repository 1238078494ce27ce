package io.lazarus.cli.client;

/** The Director answered with a status the bosh CLI does not accept (anything but 200, 201, 204, 206, 302). */
public final class DirectorResponseException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String body;

  public DirectorResponseException(int status, String body) {
    super("Director responded with non-successful status code '" + status + "' response '" + body + "'");
    this.status = status;
    this.body = body;
  }

  public int status() {
    return status;
  }

  public String body() {
    return body;
  }
}
