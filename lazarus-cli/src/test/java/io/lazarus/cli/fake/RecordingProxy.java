package io.lazarus.cli.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import io.lazarus.cli.client.TlsContexts;
import io.lazarus.cli.fake.FakeDirector.Recorded;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Sits between the CLI and a real Director (HTTPS on a free loopback port, with the fake's certificate) and records
 * what the CLI sent, so a test can look at request bodies the Director does not echo. Requests and answers pass
 * through unchanged, redirects included.
 */
public final class RecordingProxy implements AutoCloseable {
  private static final Set<String> HOP_HEADERS = Set.of("connection", "content-length", "host", "expect", "upgrade",
      "transfer-encoding", "keep-alive");

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient upstream;
  private final URI target;
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();

  public RecordingProxy(URI target, String targetCaPem) throws Exception {
    this.target = target;
    this.upstream = HttpClient.newBuilder().sslContext(TlsContexts.trusting(targetCaPem))
        .followRedirects(HttpClient.Redirect.NEVER).build();
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.get().serverContext()));
    server.setExecutor(executor);
    server.createContext("/", this::forward);
    server.start();
  }

  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  public String caPem() throws Exception {
    return SelfSignedCertificate.get().pem();
  }

  public List<Recorded> requests(String method, String path) {
    return requests.stream()
        .filter(r -> r.method().equals(method) && URI.create(r.uri()).getPath().equals(path))
        .toList();
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange; InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
      String uri = exchange.getRequestURI().toString();
      requests.add(new Recorded(exchange.getRequestMethod(), uri, headers, body));
      HttpRequest.Builder request = HttpRequest.newBuilder(target.resolve(uri))
          .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
      headers.forEach((name, value) -> {
        if (!HOP_HEADERS.contains(name)) {
          request.header(name, value);
        }
      });
      HttpResponse<byte[]> answer = upstream.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      answer.headers().map().forEach((name, values) -> {
        if (!HOP_HEADERS.contains(name.toLowerCase()) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      byte[] reply = answer.body();
      exchange.sendResponseHeaders(answer.statusCode(), reply.length == 0 ? -1 : reply.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(reply);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("Interrupted while forwarding", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.close();
  }
}
