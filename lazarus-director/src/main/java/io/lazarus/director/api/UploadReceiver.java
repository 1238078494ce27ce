package io.lazarus.director.api;

import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Receives the tarball of {@code POST /stemcells} and {@code POST /releases}: the raw body
 * ({@code application/x-compressed}, as bosh CLI v7 sends it) is streamed to a new file under the uploads directory,
 * never held in memory. A body over the limit is refused with 413 (at once when Content-Length says so) and its
 * partial file deleted. The task the upload feeds owns the file afterwards and deletes it when it ends.
 * Thread-safe.
 */
public final class UploadReceiver {
  private static final long DISCARD_LIMIT = 8L << 20;

  private final Path directory;
  private final long maxBytes;

  public UploadReceiver(Path directory, long maxBytes) {
    this.directory = directory;
    this.maxBytes = maxBytes;
  }

  /**
   * Streams the body of a tarball upload to a file and returns it.
   *
   * @param kind "stemcell" or "release", for file names and messages
   * @throws DirectorException 400 for a JSON body asking for a remote download (this Director has no outside
   *     network), 413 for a body over the limit
   */
  public Path receive(Context ctx, String kind) throws IOException {
    String contentType = ctx.contentType() == null ? "" : ctx.contentType();
    if (contentType.startsWith("application/json")) {
      Map<String, Object> body = Requests.jsonObject(ctx);
      String location = Requests.stringField(body, "location");
      throw new DirectorException(
          ErrorCode.VALIDATION_INVALID_VALUE,
          location == null
              ? "expected the " + kind + " tarball as the request body (Content-Type: application/x-compressed)"
              : "remote " + kind + " URLs are not supported by this director (it has no outside network): download '"
                  + location + "' and upload the file instead");
    }
    long declared = ctx.req().getContentLengthLong();
    if (declared > maxBytes) {
      discardSmallRest(ctx.bodyInputStream());
      throw tooLarge(kind);
    }
    Files.createDirectories(directory);
    Path file = Files.createTempFile(directory, kind + "-", ".tgz");
    try (InputStream in = ctx.bodyInputStream();
        OutputStream out = Files.newOutputStream(file)) {
      copyBounded(in, out, kind);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(file);
      throw e;
    }
    if (Files.size(file) == 0) {
      Files.deleteIfExists(file);
      throw new DirectorException(ErrorCode.VALIDATION_MISSING_FIELD, "the request body is empty; expected the " + kind + " tarball");
    }
    return file;
  }

  private void copyBounded(InputStream in, OutputStream out, String kind) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long total = 0;
    int read;
    while ((read = in.read(buffer)) >= 0) {
      total += read;
      if (total > maxBytes) {
        discardSmallRest(in);
        throw tooLarge(kind);
      }
      out.write(buffer, 0, read);
    }
  }

  /**
   * Reads and drops what is left of a refused body when that is little: a server that closes the connection with
   * unread bytes makes the kernel reset it, and the client may then lose the 413 it was about to read. A larger
   * rest is not worth receiving; such a client sees the connection closed.
   */
  private static void discardSmallRest(InputStream in) throws IOException {
    byte[] buffer = new byte[64 * 1024];
    long left = DISCARD_LIMIT;
    int read;
    while (left > 0 && (read = in.read(buffer, 0, (int) Math.min(buffer.length, left))) >= 0) {
      left -= read;
    }
  }

  private DirectorException tooLarge(String kind) {
    return new DirectorException(
        ErrorCode.PAYLOAD_TOO_LARGE, "the " + kind + " upload is larger than this director accepts (" + maxBytes + " bytes, max_upload_size)");
  }
}
