package io.lazarus.agent.blobstore;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.settings.Settings.BlobstoreSettings;
import io.lazarus.agent.settings.Settings;
import io.lazarus.agent.settings.SettingsException;
import io.lazarus.core.tls.TlsContexts;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLParameters;

/** Builds the blobstore that {@code blobstores[0]} describes. */
public final class Blobstores {
  private Blobstores() {}

  public static Blobstore from(Settings settings, AgentPaths paths) {
    if (settings.blobstores().isEmpty()) {
      throw new SettingsException("settings.json: 'blobstores' is empty; the agent needs one to fetch packages and jobs");
    }
    BlobstoreSettings store = settings.blobstores().getFirst();
    return switch (store.provider()) {
      case "dav" -> new DavBlobstore(
          new LazyHttpClient(store.options().path("tls").path("cert").path("ca").asString(""), "blobstores[0].options.tls.cert.ca"),
          store.option("endpoint"), store.option("user"), store.option("password"));
      case "local" -> new LocalBlobstore(
          store.option("blobstore_path") == null ? paths.localBlobs() : Path.of(store.option("blobstore_path")));
      default -> throw new SettingsException(
          "settings.json: 'blobstores[0].provider' is '" + store.provider() + "'; this agent knows 'dav' and 'local'");
    };
  }

  /** An HTTP client trusting {@code caPem} only, or the JDK's default trust when it is empty. */
  public static HttpClient httpClient(String caPem, String what) {
    HttpClient.Builder builder = HttpClient.newBuilder()
        .connectTimeout(Duration.ofSeconds(10))
        .executor(Executors.newVirtualThreadPerTaskExecutor());
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(TlsContexts.PROTOCOLS);
    builder.sslParameters(parameters);
    if (caPem != null && !caPem.isBlank()) {
      builder.sslContext(TlsContexts.trusting(caPem, what));
    }
    return builder.build();
  }
}
