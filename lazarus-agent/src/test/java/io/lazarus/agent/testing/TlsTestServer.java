package io.lazarus.agent.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.Executors;

/** Base of the tests' fake peers: an HTTPS server on a free loopback port with a test CA's certificate and Basic auth. */
public abstract class TlsTestServer implements AutoCloseable {
  protected final HttpsServer server;
  private final String expectedAuthorization;

  protected TlsTestServer(TestCa ca, String user, String password) throws IOException {
    TestCa.Issued issued = ca.issue("127.0.0.1");
    server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.setHttpsConfigurator(new HttpsConfigurator(TlsContexts.server(issued.certificatePem(), issued.privateKeyPem(), "test server")));
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    expectedAuthorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  protected boolean authorized(HttpExchange exchange) throws IOException {
    if (expectedAuthorization.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      return true;
    }
    exchange.sendResponseHeaders(401, -1);
    exchange.close();
    return false;
  }

  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
