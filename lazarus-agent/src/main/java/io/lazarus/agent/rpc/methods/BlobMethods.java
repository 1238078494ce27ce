package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.digest.Digests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import tools.jackson.databind.JsonNode;

/** upload_blob [{blob_id, checksum, payload (base64)}]: stores a small blob the Director sends inline. */
public final class BlobMethods {
  private final Blobstore blobstore;
  private final Path tmp;

  public BlobMethods(Blobstore blobstore, Path tmp) {
    this.blobstore = blobstore;
    this.tmp = tmp;
  }

  public void register(MethodRegistry registry) {
    registry.async("upload_blob", this::uploadBlob);
  }

  private Object uploadBlob(Arguments args) throws Exception {
    JsonNode spec = args.requiredObject(0, "blob spec");
    String id = text(spec, "blob_id");
    String checksum = text(spec, "checksum");
    byte[] payload;
    try {
      payload = Base64.getDecoder().decode(text(spec, "payload"));
    } catch (IllegalArgumentException e) {
      throw new RpcException("upload_blob: 'payload' is not base64 (" + e.getMessage() + ")");
    }
    Files.createDirectories(tmp);
    Path file = Files.createTempFile(tmp, "upload-", ".blob");
    try {
      Files.write(file, payload);
      if (!Digests.matches(file, checksum)) {
        throw new RpcException("upload_blob: payload of blob " + id + " does not match checksum " + checksum);
      }
      blobstore.put(id, file);
    } finally {
      Files.deleteIfExists(file);
    }
    return "synced";
  }

  private static String text(JsonNode spec, String field) {
    JsonNode value = spec.path(field);
    if (!value.isString() || value.stringValue().isBlank()) {
      throw new RpcException("upload_blob: '" + field + "' is missing");
    }
    return value.stringValue();
  }
}
