package io.lazarus.agent.blobstore;

import java.io.IOException;

/** A blobstore refused or failed a request; the message names the blob and the status. */
public final class BlobstoreException extends IOException {
  private static final long serialVersionUID = 1L;

  public BlobstoreException(String message) {
    super(message);
  }
}
