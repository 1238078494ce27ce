package io.lazarus.agent.install;

import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.digest.Digests;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Fetches a blob into a temporary file and checks it against its BOSH multi-digest before anyone uses it. */
public final class VerifiedDownload {
  private final Blobstore blobstore;
  private final Path tmp;

  public VerifiedDownload(Blobstore blobstore, Path tmp) {
    this.blobstore = blobstore;
    this.tmp = tmp;
  }

  /**
   * @param what names the blob in errors, e.g. "package 'ruby' 3.2"
   * @return a temporary file the caller deletes
   */
  public Path fetch(String blobId, String digest, String what) throws IOException, InterruptedException {
    if (blobId == null || blobId.isBlank()) {
      throw new RpcException(what + ": no blobstore_id");
    }
    Files.createDirectories(tmp);
    Path file = Files.createTempFile(tmp, "blob-", ".tgz");
    try {
      blobstore.get(blobId, file);
      boolean matches;
      try {
        matches = Digests.matches(file, digest);
      } catch (IllegalArgumentException e) {
        throw new RpcException(what + ": bad digest '" + digest + "' (" + e.getMessage() + ")");
      }
      if (!matches) {
        throw new RpcException(what + ": blob " + blobId + " does not match its digest " + digest + " (got sha1 " + Digests.sha1(file) + ")");
      }
      return file;
    } catch (IOException | InterruptedException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
  }
}
