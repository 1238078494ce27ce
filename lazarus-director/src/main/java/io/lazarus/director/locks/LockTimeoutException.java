package io.lazarus.director.locks;

import io.lazarus.director.DirectorException;

/** The lock is held by someone else and did not come free in time (BOSH's wording). */
public final class LockTimeoutException extends DirectorException {
  private static final long serialVersionUID = 1L;

  LockTimeoutException(String name, String uid) {
    super(100, 400, "Failed to acquire lock for " + name + " uid: " + uid);
  }
}
