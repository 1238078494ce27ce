package io.lazarus.cli.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Director that speaks the protocol the bosh CLI expects, over HTTPS on a free loopback port: anonymous
 * {@code /info} naming the user whose Basic credentials it accepted, 401 for anything else without them, canned
 * answers per route, and scripted tasks behind {@code 302 Location: /tasks/N} whose event output grows with each
 * poll and is served with {@code Range} support. Every request is recorded.
 */
public final class FakeDirector implements AutoCloseable {
  public static final String CLIENT = "admin";
  public static final String SECRET = "admin-secret";

  private final HttpsServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final Map<Long, FakeTask> tasks = new ConcurrentHashMap<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final AtomicLong nextTaskId = new AtomicLong(12);

  private record Answer(int status, String body, Long taskId) {}

  /** One request as the fake received it; header names are lower-case. */
  public record Recorded(String method, String uri, Map<String, String> headers, byte[] body) {
    public String bodyText() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  private FakeDirector() throws Exception {
    server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(SelfSignedCertificate.get().serverContext()));
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  public static FakeDirector start() throws Exception {
    return new FakeDirector();
  }

  public String url() {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  public String caPem() throws Exception {
    return SelfSignedCertificate.get().pem();
  }

  /** Answers {@code method path} (path without query) with {@code status} and a JSON body. */
  public FakeDirector answer(String method, String path, int status, String body) {
    answers.put(method + " " + path, new Answer(status, body, null));
    return this;
  }

  /** Answers {@code method path} with a redirect to a new task, scripted through the returned object. */
  public FakeTask taskFor(String method, String path, String description) {
    FakeTask task = new FakeTask(nextTaskId.getAndIncrement(), description);
    tasks.put(task.id(), task);
    answers.put(method + " " + path, new Answer(302, "", task.id()));
    return task;
  }

  /** A task that exists without being created by a request (for {@code lazarus task N}). */
  public FakeTask existingTask(String description) {
    FakeTask task = new FakeTask(nextTaskId.getAndIncrement(), description);
    tasks.put(task.id(), task);
    return task;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** The requests to {@code method} on a path starting with {@code pathPrefix}. */
  public List<Recorded> requests(String method, String pathPrefix) {
    return requests.stream().filter(r -> r.method().equals(method) && r.uri().startsWith(pathPrefix)).toList();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Map<String, String> headers = new TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values.getFirst()));
      byte[] body = exchange.getRequestBody().readAllBytes();
      String uri = exchange.getRequestURI().toString();
      requests.add(new Recorded(exchange.getRequestMethod(), uri, headers, body));
      route(exchange, exchange.getRequestMethod(), exchange.getRequestURI().getPath(), authorized(headers));
    }
  }

  private static boolean authorized(Map<String, String> headers) {
    String expected = "Basic " + Base64.getEncoder()
        .encodeToString((CLIENT + ":" + SECRET).getBytes(StandardCharsets.UTF_8));
    return expected.equals(headers.get("authorization"));
  }

  private void route(HttpExchange exchange, String method, String path, boolean authorized) throws IOException {
    if (method.equals("GET") && path.equals("/info")) {
      send(exchange, 200, info(authorized), Map.of());
      return;
    }
    if (!authorized) {
      send(exchange, 401, "{\"code\":600000,\"description\":\"Not authorized: '" + path + "'\"}", Map.of());
      return;
    }
    if (method.equals("GET") && path.matches("/tasks/\\d+")) {
      FakeTask task = tasks.get(Long.parseLong(path.substring("/tasks/".length())));
      send(exchange, 200, task.poll(), Map.of());
      return;
    }
    if (method.equals("GET") && path.matches("/tasks/\\d+/output")) {
      FakeTask task = tasks.get(Long.parseLong(path.split("/")[2]));
      String type = exchange.getRequestURI().getQuery().replace("type=", "");
      sendOutput(exchange, task.output(type), exchange.getRequestHeaders().getFirst("Range"));
      return;
    }
    Answer answer = answers.get(method + " " + path);
    if (answer == null) {
      send(exchange, 404, "{\"code\":70000,\"description\":\"Endpoint '" + path + "' not found\"}", Map.of());
    } else if (answer.taskId() != null) {
      send(exchange, 302, "", Map.of("Location", "/tasks/" + answer.taskId()));
    } else {
      send(exchange, answer.status(), answer.body(), Map.of());
    }
  }

  private static String info(boolean authorized) {
    return """
        {"name":"fake","uuid":"8e2b6b1c-0000-4000-8000-000000000001","version":"1.0.0 (00000000)",\
        "user":%s,"cpi":"fake-cpi","stemcell_os":"ubuntu-jammy","stemcell_version":"1.1",\
        "user_authentication":{"type":"basic","options":{}},\
        "features":{"snapshots":{"status":false},"local_dns":{"status":true,"extras":{"domain_name":"bosh"}}}}"""
        .formatted(authorized ? "\"" + CLIENT + "\"" : "null");
  }

  private static void sendOutput(HttpExchange exchange, byte[] output, String range) throws IOException {
    if (range == null) {
      sendBytes(exchange, output.length == 0 ? 204 : 200, output);
      return;
    }
    int offset = Integer.parseInt(range.replace("bytes=", "").replace("-", ""));
    if (offset >= output.length) {
      sendBytes(exchange, 416, new byte[0]);
      return;
    }
    exchange.getResponseHeaders().add("Content-Range",
        "bytes " + offset + "-" + (output.length - 1) + "/" + output.length);
    sendBytes(exchange, 206, java.util.Arrays.copyOfRange(output, offset, output.length));
  }

  private static void send(HttpExchange exchange, int status, String body, Map<String, String> headers)
      throws IOException {
    headers.forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    sendBytes(exchange, status, body.getBytes(StandardCharsets.UTF_8));
  }

  private static void sendBytes(HttpExchange exchange, int status, byte[] body) throws IOException {
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
  }
}
