package io.lazarus.agent.blobstore;

import java.net.http.HttpClient;

/**
 * An HTTP client made on first use: building one (TLS context, selector thread) is a good part of the agent's
 * start-up, and the blobstore's is often not needed for minutes. Thread-safe. IMPORTANT: must be closed.
 */
public final class LazyHttpClient implements AutoCloseable {
  private final String caPem;
  private final String what;
  private HttpClient client;
  private boolean closed;

  /** @param caPem the CA to trust, or empty for the JDK's default trust; {@code what} names it in errors */
  public LazyHttpClient(String caPem, String what) {
    this.caPem = caPem;
    this.what = what;
  }

  public synchronized HttpClient get() {
    if (closed) {
      throw new IllegalStateException("HTTP client for " + what + " is closed");
    }
    if (client == null) {
      client = Blobstores.httpClient(caPem, what);
    }
    return client;
  }

  @Override
  public synchronized void close() {
    closed = true;
    if (client != null) {
      client.close();
    }
  }
}
