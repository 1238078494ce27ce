package io.lazarus.director.blobstore;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The one credential agents use for the Director's blobstore, as BOSH's agents share one DAV user. Generated on
 * first start into the store (owner-only), so agents of VMs created before a restart keep working.
 */
public record AgentBlobCredentials(String user, String password) {

  public static AgentBlobCredentials loadOrCreate(Path file) throws IOException {
    if (Files.exists(file)) {
      Map<?, ?> saved = Json.read(Files.readString(file), Map.class);
      return new AgentBlobCredentials((String) saved.get("user"), (String) saved.get("password"));
    }
    byte[] secret = new byte[24];
    new SecureRandom().nextBytes(secret);
    AgentBlobCredentials created = new AgentBlobCredentials("agent", HexFormat.of().formatHex(secret));
    FileTrees.writeAtomically(file, Json.write(Map.of("user", created.user, "password", created.password)).getBytes(StandardCharsets.UTF_8), PosixFilePermissions.fromString("rw-------"));
    return created;
  }

  /** Whether an {@code Authorization} header carries these credentials (compared in constant time). */
  public boolean accepts(String authorization) {
    String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return authorization != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), authorization.getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public String toString() {
    return "AgentBlobCredentials[user=" + user + "]";
  }
}
