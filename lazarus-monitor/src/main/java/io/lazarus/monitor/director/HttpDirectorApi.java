package io.lazarus.monitor.director;

import io.lazarus.core.json.Json;
import io.lazarus.monitor.config.DirectorConnection;
import io.lazarus.monitor.tls.PemTls;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * {@link DirectorApi} over the JDK HttpClient, trusting {@code director_ca_cert} (also for the UAA token endpoint,
 * as BOSH falls back to it). Redirects are not followed: {@code scan_and_fix}'s 302 names the task. Thread-safe.
 */
public final class HttpDirectorApi implements DirectorApi {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  private final URI endpoint;
  private final HttpClient http;
  private final DirectorAuthorization authorization;
  private final Clock clock;

  public HttpDirectorApi(DirectorConnection connection, Clock clock) {
    this.endpoint = connection.endpoint();
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER);
    connection.caCert().ifPresent(ca -> builder.sslContext(PemTls.trusting(ca)));
    this.http = builder.build();
    this.clock = clock;
    this.authorization = new DirectorAuthorization(connection, this::info, this::fetchToken, clock);
  }

  @Override
  public Map<String, Object> info() {
    return Json.mapper().readValue(send(request("/info").GET(), 200, "GET /info").body(), MAP);
  }

  @Override
  public List<DeploymentSummary> deployments() {
    JsonNode list = getJson("/deployments?exclude_configs=true&exclude_releases=true&exclude_stemcells=true");
    List<DeploymentSummary> deployments = new ArrayList<>();
    for (JsonNode d : list) {
      List<String> teams = new ArrayList<>();
      d.path("teams").forEach(t -> teams.add(t.isObject() ? t.path("name").asString() : t.asString()));
      deployments.add(new DeploymentSummary(d.path("name").asString(), List.copyOf(teams), d.path("locked").asBoolean(false)));
    }
    return deployments;
  }

  @Override
  public List<InstanceSummary> instances(String deployment) {
    List<InstanceSummary> instances = new ArrayList<>();
    for (JsonNode i : getJson("/deployments/" + encode(deployment) + "/instances")) {
      instances.add(new InstanceSummary(
          text(i, "id"), text(i, "agent_id"), text(i, "job"), i.path("index").isIntegralNumber() ? i.path("index").asInt() : null,
          text(i, "cid"), text(i, "az"), i.path("expects_vm").asBoolean(false), i.path("ignore").asBoolean(false),
          Optional.ofNullable(text(i, "state")).orElse("started"), text(i, "disk_cid")));
    }
    return instances;
  }

  @Override
  public List<NamedConfig> resurrectionConfigs() {
    List<NamedConfig> configs = new ArrayList<>();
    for (JsonNode c : getJson("/configs?type=resurrection&latest=true")) {
      configs.add(new NamedConfig(c.path("id").asString(), text(c, "name"), text(c, "content")));
    }
    return configs;
  }

  @Override
  public ResurrectionSwitch resurrection() {
    JsonNode r = getJson("/resurrection");
    return new ResurrectionSwitch(r.path("resurrection").asBoolean(true), epoch(r.path("paused_until")), epoch(r.path("paused_since")),
        r.path("auto_fix_stateful_nodes").asBoolean(true));
  }

  @Override
  public List<TaskSummary> tasks(String deployment, List<String> states) {
    List<TaskSummary> tasks = new ArrayList<>();
    for (JsonNode t : getJson("/tasks?deployment=" + encode(deployment) + "&state=" + encode(String.join(",", states)) + "&verbose=2")) {
      tasks.add(task(t));
    }
    return tasks;
  }

  @Override
  public TaskSummary task(long id) {
    return task(getJson("/tasks/" + id));
  }

  @Override
  public long scanAndFix(String deployment, Map<String, List<String>> jobs) {
    String what = "PUT /deployments/" + deployment + "/scan_and_fix";
    HttpRequest.Builder put = authorized("/deployments/" + encode(deployment) + "/scan_and_fix")
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("jobs", jobs))));
    return taskOf(send(put, 302, what), what);
  }

  @Override
  public long recreate(String deployment, String instanceGroup, String instanceId) {
    String path = "/deployments/" + encode(deployment) + "/jobs/" + encode(instanceGroup) + "/" + encode(instanceId) + "?state=recreate";
    String what = "PUT " + path;
    HttpRequest.Builder put = authorized(path).header("Content-Type", "text/yaml").PUT(HttpRequest.BodyPublishers.noBody());
    return taskOf(send(put, 302, what), what);
  }

  private static long taskOf(HttpResponse<String> redirect, String what) {
    String location = redirect.headers().firstValue("Location").orElse("");
    int slash = location.lastIndexOf("/tasks/");
    try {
      return Long.parseLong(location.substring(slash + "/tasks/".length()));
    } catch (RuntimeException e) {
      throw new DirectorApiException(302, what + ": the redirect names no task (Location '" + location + "')", e);
    }
  }

  @Override
  public void createEvent(Map<String, Object> event) {
    send(authorized("/events").header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(Json.write(event))), 200, "POST /events");
  }

  private DirectorAuthorization.Token fetchToken(String uaaUrl, String clientId, String clientSecret) {
    String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
    HttpRequest.Builder post = HttpRequest.newBuilder(URI.create(uaaUrl + "/oauth/token")).timeout(TIMEOUT)
        .header("Authorization", "Basic " + basic)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("Accept", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=" + encode(clientId)));
    JsonNode body = parse(send(post, 200, "POST " + uaaUrl + "/oauth/token").body(), "token response");
    String type = body.path("token_type").asString("bearer");
    long expiresIn = body.path("expires_in").asLong(0);
    return new DirectorAuthorization.Token(type + " " + body.path("access_token").asString(), clock.instant().plusSeconds(expiresIn));
  }

  private JsonNode getJson(String pathAndQuery) {
    return parse(send(authorized(pathAndQuery).GET(), 200, "GET " + pathAndQuery).body(), "GET " + pathAndQuery);
  }

  private HttpRequest.Builder request(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create(endpoint + pathAndQuery)).timeout(TIMEOUT);
  }

  private HttpRequest.Builder authorized(String pathAndQuery) {
    return request(pathAndQuery).header("Authorization", authorization.header());
  }

  private HttpResponse<String> send(HttpRequest.Builder request, int expected, String what) {
    HttpResponse<String> response;
    try {
      response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new DirectorApiException(0, what + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DirectorApiException(0, what + ": interrupted", e);
    }
    if (response.statusCode() != expected) {
      String body = response.body().length() > 200 ? response.body().substring(0, 200) + "..." : response.body();
      throw new DirectorApiException(response.statusCode(), what + ": HTTP " + response.statusCode() + " " + body.strip(), null);
    }
    return response;
  }

  private static JsonNode parse(String body, String what) {
    try {
      return Json.mapper().readTree(body);
    } catch (JacksonException e) {
      throw new DirectorApiException(200, what + ": the answer is not JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static TaskSummary task(JsonNode t) {
    return new TaskSummary(t.path("id").asLong(), text(t, "state"), text(t, "description"), text(t, "deployment"), text(t, "result"));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.path(field);
    return value.isNull() || value.isMissingNode() ? null : value.asString();
  }

  private static Optional<Instant> epoch(JsonNode value) {
    return value.isNumber() ? Optional.of(Instant.ofEpochSecond(value.asLong())) : Optional.empty();
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }
}
