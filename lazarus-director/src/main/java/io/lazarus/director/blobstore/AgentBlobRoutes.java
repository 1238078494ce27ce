package io.lazarus.director.blobstore;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.api.Routes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;

/**
 * The blobstore as agents see it, DAV-style: {@code GET /agent-blobs/<id>} and {@code PUT /agent-blobs/<id>} with
 * the agents' credential (not a Director user's). Agents read packages, jobs and rendered templates, and write
 * compiled packages and logs; a PUT never replaces an existing blob.
 */
public final class AgentBlobRoutes implements Routes {
  public static final String PREFIX = "/agent-blobs/";

  private final Blobstore blobstore;
  private final AgentBlobCredentials credentials;
  private final long maxBytes;

  public AgentBlobRoutes(Blobstore blobstore, AgentBlobCredentials credentials, long maxBytes) {
    this.blobstore = blobstore;
    this.credentials = credentials;
    this.maxBytes = maxBytes;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get(PREFIX + "{id}", this::get);
    routes.put(PREFIX + "{id}", this::put);
  }

  private void get(Context ctx) throws IOException {
    if (!authorized(ctx)) {
      return;
    }
    String id = ctx.pathParam("id");
    if (!validId(id) || !blobstore.exists(id)) {
      text(ctx, 404, "blob '" + id + "' not found");
      return;
    }
    ctx.contentType("application/octet-stream");
    ctx.disableCompression(); // Content-Length counts the stored bytes: no gzip (the Go client asks for it)
    ctx.header("Content-Length", String.valueOf(Files.size(blobstore.path(id))));
    ctx.result(Files.newInputStream(blobstore.path(id)));
  }

  private void put(Context ctx) throws IOException {
    if (!authorized(ctx)) {
      return;
    }
    String id = ctx.pathParam("id");
    if (!validId(id)) {
      text(ctx, 400, "blob ids are UUIDs, got '" + id + "'");
      return;
    }
    long length = ctx.contentLength();
    if (length > maxBytes) {
      text(ctx, 413, "blob of " + length + " bytes is larger than the limit of " + maxBytes);
      return;
    }
    try (InputStream body = ctx.bodyInputStream()) {
      blobstore.putAs(id, body);
      ctx.status(201);
    } catch (FileAlreadyExistsException e) {
      text(ctx, 409, "blob '" + id + "' exists and is never replaced");
    }
  }

  private boolean authorized(Context ctx) {
    if (credentials.accepts(ctx.header("Authorization"))) {
      return true;
    }
    ctx.header("WWW-Authenticate", "Basic realm=\"Lazarus blobstore\"");
    text(ctx, 401, "Not authorized");
    return false;
  }

  private static boolean validId(String id) {
    return id.matches("[0-9a-f-]{36}");
  }

  private static void text(Context ctx, int status, String message) {
    ctx.status(status);
    ctx.contentType("text/plain");
    ctx.result(message + "\n");
  }
}
