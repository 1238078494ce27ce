package io.lazarus.director.api;

/** No valid credentials: answered with BOSH's plain 401 that reveals nothing about why. */
final class NotAuthenticatedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  NotAuthenticatedException(String path) {
    super(path, null, false, false);
  }
}
