package io.lazarus.director.deploy;

import io.lazarus.director.blobstore.AgentBlobCredentials;
import io.lazarus.director.tls.AgentCertificateAuthority;
import io.lazarus.director.tls.AgentCertificateAuthority.AgentCertificate;
import java.net.URI;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What a new VM's agent needs to know, handed to the CPI as {@code create_vm}'s {@code env} (docs/internals/vms.md):
 * its own mbus credentials and certificate for its IP, the Director's blobstore and how to trust it, and where to
 * send heartbeats when a Health Monitor listens. Thread-safe.
 */
public final class AgentEnvironment {
  public static final int MBUS_PORT = 6868;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final AgentCertificateAuthority agentsCa;
  private final Supplier<URI> blobstoreEndpoint;
  private final AgentBlobCredentials blobCredentials;
  private final String directorCaPem;
  private final Optional<HeartbeatSettings> heartbeat;

  /** {@code blobstoreEndpoint} is asked at each VM creation: the Director knows its own URL only once it listens. */
  public AgentEnvironment(AgentCertificateAuthority agentsCa, Supplier<URI> blobstoreEndpoint, AgentBlobCredentials blobCredentials, String directorCaPem, Optional<HeartbeatSettings> heartbeat) {
    this.agentsCa = agentsCa;
    this.blobstoreEndpoint = blobstoreEndpoint;
    this.blobCredentials = blobCredentials;
    this.directorCaPem = directorCaPem;
    this.heartbeat = heartbeat;
  }

  /** Fresh credentials for one agent's RPC endpoint. */
  public MbusCredentials newCredentials() {
    byte[] secret = new byte[20];
    RANDOM.nextBytes(secret);
    return new MbusCredentials("mbus", HexFormat.of().formatHex(secret));
  }

  /** Where the agent of a VM with this IP will answer. */
  public static URI mbusUrl(String ip) {
    return URI.create("https://" + ip + ":" + MBUS_PORT);
  }

  /** The {@code env} for {@code create_vm} of the VM of agent {@code agentId}, which listens on {@code ip}. */
  public Map<String, Object> env(String agentId, String ip, MbusCredentials credentials) {
    AgentCertificate certificate = agentsCa.issue(ip);
    Map<String, Object> mbus = new LinkedHashMap<>();
    mbus.put("user", credentials.user());
    mbus.put("password", credentials.password());
    mbus.put("port", MBUS_PORT);
    mbus.put("cert", Map.of("ca", certificate.ca(), "certificate", certificate.certificate(), "private_key", certificate.privateKey()));
    Map<String, Object> blobstore = Map.of(
        "provider", "dav",
        "options", Map.of(
            "endpoint", blobstoreEndpoint.get().toString(),
            "user", blobCredentials.user(),
            "password", blobCredentials.password(),
            "tls", Map.of("cert", Map.of("ca", directorCaPem))));
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("bosh", Map.of("mbus", mbus, "blobstores", List.of(blobstore)));
    heartbeat.ifPresent(settings -> env.put("lazarus", Map.of("heartbeat", settings.forAgent(agentId))));
    return env;
  }

  /** An agent's Basic credentials for its RPC endpoint. */
  public record MbusCredentials(String user, String password) {
    @Override
    public String toString() {
      return "MbusCredentials[user=" + user + "]";
    }
  }
}
