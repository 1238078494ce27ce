package io.lazarus.monitor.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Director that speaks the routes the Health Monitor reads (healing.md "Director: what the HM reads") over plain
 * HTTP on a free loopback port, with state a test sets: deployments and their instances, tasks, the resurrection
 * switch. Auth is Basic {@code hm}/{@code secret}, or UAA client credentials ({@code hm}/{@code secret}) after
 * {@link #useUaa}, with tokens from its own {@code /oauth/token}. Failure points are named inputs:
 * {@link #down(boolean)} makes every route answer 503. Records every
 * request as {@code "<METHOD> <path>[?query]"} and every body posted to {@code /events} or {@code scan_and_fix}.
 */
public final class FakeDirector implements AutoCloseable {
  public static final String USER = "hm";
  public static final String PASSWORD = "secret";

  private final HttpServer server;
  private final Map<String, Deployment> deployments = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> scans = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> tasks = new CopyOnWriteArrayList<>();
  private final AtomicLong nextTask = new AtomicLong(100);
  private final AtomicInteger tokensIssued = new AtomicInteger();
  private volatile boolean down;
  private volatile boolean uaa;
  private volatile int tokenLifetimeSeconds = 3600;
  private volatile Map<String, Object> resurrection = Map.of("resurrection", true);
  private volatile List<Map<String, Object>> resurrectionConfigs = List.of();

  /** A deployment as the Director lists it. */
  public record Deployment(String name, List<String> teams, boolean locked, List<Map<String, Object>> instances) {}

  private FakeDirector(HttpServer server) {
    this.server = server;
  }

  public static FakeDirector start() throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    FakeDirector director = new FakeDirector(server);
    server.createContext("/", director::handle);
    server.start();
    return director;
  }

  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** An instance as {@code GET /deployments/<d>/instances} returns it (cid null: no VM). */
  public static Map<String, Object> instance(String id, String agentId, String job, int index, String cid) {
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("id", id);
    instance.put("agent_id", agentId);
    instance.put("job", job);
    instance.put("index", index);
    instance.put("cid", cid);
    instance.put("expects_vm", true);
    instance.put("az", "z1");
    return instance;
  }

  public void deployment(String name, boolean locked, List<Map<String, Object>> instances) {
    deployments.put(name, new Deployment(name, List.of(), locked, List.copyOf(instances)));
  }

  public void removeDeployment(String name) {
    deployments.remove(name);
  }

  /** While down, every route answers 503. */
  public void down(boolean down) {
    this.down = down;
  }

  /** Switches {@code /info} to UAA, handing out tokens that live {@code lifetimeSeconds}. */
  public void useUaa(int lifetimeSeconds) {
    this.uaa = true;
    this.tokenLifetimeSeconds = lifetimeSeconds;
  }

  public void resurrection(Map<String, Object> body) {
    this.resurrection = Map.copyOf(body);
  }

  public void resurrectionConfigs(List<Map<String, Object>> configs) {
    this.resurrectionConfigs = List.copyOf(configs);
  }

  /** Adds a task {@code GET /tasks} lists. */
  public void task(long id, String state, String description, String deployment) {
    tasks.add(Map.of("id", id, "state", state, "description", description, "deployment", deployment));
  }

  public List<String> requests() {
    return List.copyOf(requests);
  }

  public List<Map<String, Object>> events() {
    return List.copyOf(events);
  }

  /** The bodies of {@code PUT /deployments/<d>/scan_and_fix}, with {@code "deployment"} added. */
  public List<Map<String, Object>> scans() {
    return List.copyOf(scans);
  }

  public int tokensIssued() {
    return tokensIssued.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      URI uri = exchange.getRequestURI();
      String path = uri.getPath();
      requests.add(method + " " + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      if (down) {
        reply(exchange, 503, Map.of("description", "down"));
        return;
      }
      if (path.equals("/info") && method.equals("GET")) {
        Map<String, Object> auth = uaa ? Map.of("type", "uaa", "options", Map.of("url", url().toString())) : Map.of("type", "basic", "options", Map.of());
        reply(exchange, 200, Map.of("name", "fake", "user_authentication", auth));
        return;
      }
      if (path.equals("/oauth/token") && method.equals("POST")) {
        if (!basic(USER, PASSWORD).equals(exchange.getRequestHeaders().getFirst("Authorization")) || !body.contains("grant_type=client_credentials")) {
          reply(exchange, 401, Map.of("error", "unauthorized"));
          return;
        }
        reply(exchange, 200, Map.of("access_token", "token-" + tokensIssued.incrementAndGet(), "token_type", "bearer", "expires_in", tokenLifetimeSeconds));
        return;
      }
      String expected = uaa ? "bearer token-" + tokensIssued.get() : basic(USER, PASSWORD);
      if (!expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
        reply(exchange, 401, Map.of("code", 600000, "description", "Not authorized"));
        return;
      }
      route(exchange, method, path, body);
    }
  }

  private void route(HttpExchange exchange, String method, String path, String body) throws IOException {
    String[] parts = path.split("/");
    if (method.equals("GET") && path.equals("/deployments")) {
      List<Map<String, Object>> list = new ArrayList<>();
      deployments.values().forEach(d -> list.add(Map.of("name", d.name(), "teams", d.teams(), "locked", d.locked())));
      reply(exchange, 200, list);
    } else if (method.equals("GET") && parts.length == 4 && parts[1].equals("deployments") && parts[3].equals("instances")) {
      Deployment d = deployments.get(parts[2]);
      reply(exchange, d == null ? 404 : 200, d == null ? Map.of("description", "no such deployment") : d.instances());
    } else if (method.equals("PUT") && parts.length == 4 && parts[1].equals("deployments") && parts[3].equals("scan_and_fix")) {
      Map<String, Object> scan = new LinkedHashMap<>(Json.mapper().readValue(body, Map.class));
      scan.put("deployment", parts[2]);
      scans.add(scan);
      long id = nextTask.incrementAndGet();
      exchange.getResponseHeaders().add("Location", url() + "/tasks/" + id);
      exchange.sendResponseHeaders(302, -1);
    } else if (method.equals("GET") && path.equals("/tasks")) {
      reply(exchange, 200, tasks);
    } else if (method.equals("GET") && parts.length == 3 && parts[1].equals("tasks")) {
      long id = Long.parseLong(parts[2]);
      reply(exchange, 200, tasks.stream().filter(t -> ((Number) t.get("id")).longValue() == id).findFirst().orElse(Map.of("id", id, "state", "done", "description", "scan and fix")));
    } else if (method.equals("GET") && path.equals("/resurrection")) {
      reply(exchange, 200, resurrection);
    } else if (method.equals("GET") && path.equals("/configs")) {
      reply(exchange, 200, resurrectionConfigs);
    } else if (method.equals("POST") && path.equals("/events")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> event = Json.mapper().readValue(body, Map.class);
      events.add(event);
      reply(exchange, 200, event);
    } else {
      reply(exchange, 404, Map.of("description", "not found: " + method + " " + path));
    }
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static void reply(HttpExchange exchange, int status, Object body) throws IOException {
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
