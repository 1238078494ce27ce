package io.lazarus.director.healthmonitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.director.Director;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.tls.CertificateAuthority;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What the Health Monitor reads from and sends to the Director, and the explain proxy in front of the HM's API. */
class HealthMonitorApiIT {
  private static final String DECISIONS = """
      {"deployment":"demo","state":"normal","summary":"deployment: 'demo'; 0 of 1 agents are unhealthy (0.0%)",\
      "resurrection_paused":false,"paused_until":null,"instances":[{"instance":"web/uuid-web-0","decision":"healthy"}]}""";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void instancesCarryIgnoreStateAndTheActiveDisk(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      Director.DirectorServices services = director.services();
      long deployment = services.deployments().save("demo", "name: demo\n", List.of(), List.of(), List.of()).id();
      Instance web = services.instances().create(deployment, "web", 0, "uuid-web-0", "z1", "started", true);
      Instance db = services.instances().create(deployment, "db", 0, "uuid-db-0", "z1", "stopped", true);
      services.instances().setIgnored(web.id(), true);
      services.persistentDisks().create(db.id(), "disk-old", 1024, Map.of(), true, "local");
      services.persistentDisks().create(db.id(), "disk-new", 2048, Map.of(), false, "local");
      ApiClient api = director.reader();

      List<Map<String, Object>> instances = api.jsonArray(api.get("/deployments/demo/instances"));

      assertThat(instances).filteredOn(i -> i.get("job").equals("web")).singleElement().satisfies(i ->
          assertThat(i).containsEntry("ignore", true).containsEntry("state", "started").containsEntry("disk_cid", null));
      assertThat(instances).filteredOn(i -> i.get("job").equals("db")).singleElement().satisfies(i ->
          assertThat(i).containsEntry("ignore", false).containsEntry("state", "stopped").containsEntry("disk_cid", "disk-old"));
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void alertsPostedAsEventsAreRecordedForTheirUserAndTime(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      String alert = """
          {"timestamp":1795000000,"action":"create","object_type":"alert","object_name":"a1b2",\
          "deployment":"demo","instance":"web/uuid-web-0","context":{"message":"process is not running. Alert @ ...","x":null}}""";

      HttpResponse<String> created = api.post("/events", "application/json", alert);

      assertThat(created.statusCode()).isEqualTo(200);
      assertThat(api.jsonObject(created)).isEmpty();
      assertThat(api.jsonArray(api.get("/events?object_type=alert"))).singleElement().satisfies(event -> assertThat(event)
          .containsEntry("user", "admin").containsEntry("timestamp", 1795000000).containsEntry("action", "create")
          .containsEntry("object_name", "a1b2").containsEntry("deployment", "demo").containsEntry("instance", "web/uuid-web-0")
          .containsEntry("context", Map.of("message", "process is not running. Alert @ ...")));

      HttpResponse<String> noAction = api.post("/events", "application/json", "{\"object_type\":\"alert\"}");
      assertThat(noAction.statusCode()).isEqualTo(400);
      assertThat(noAction.body()).contains("field 'action' is required");
      HttpResponse<String> badContext = api.post("/events", "application/json", "{\"action\":\"create\",\"object_type\":\"alert\",\"context\":[1]}");
      assertThat(badContext.body()).contains("field 'context' must be an object");
      HttpResponse<String> badTime = api.post("/events", "application/json", "{\"action\":\"create\",\"object_type\":\"alert\",\"timestamp\":\"noon\"}");
      assertThat(badTime.body()).contains("field 'timestamp' must be a time in epoch seconds");
      HttpResponse<String> reader = director.reader().post("/events", "application/json", alert);
      assertThat(reader.statusCode()).isEqualTo(401);
      assertThat(reader.body()).contains("bosh.admin");
      assertThat(api.jsonArray(api.get("/events?object_type=alert"))).hasSize(1);
    }
  }

  @Test
  void aPauseSaysSinceWhen() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir)) {
      ApiClient api = director.admin();
      long before = java.time.Instant.now().getEpochSecond();
      api.put("/resurrection", "application/json", "{\"resurrection_paused\":true}");

      Map<String, Object> paused = api.jsonObject(api.get("/resurrection"));

      assertThat(paused).containsEntry("resurrection", false).doesNotContainKey("paused_until");
      assertThat(((Number) paused.get("paused_since")).longValue()).isBetween(before, java.time.Instant.now().getEpochSecond());
      api.put("/resurrection", "application/json", "{\"resurrection_paused\":false}");
      assertThat(api.jsonObject(api.get("/resurrection"))).isEqualTo(Map.of("resurrection", true, "auto_fix_stateful_nodes", true));
    }
  }

  @Test
  void decisionsArePassedThroughFromTheHealthMonitor() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    HttpServer hm = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    hm.createContext("/decisions", exchange -> {
      asked.add(exchange.getRequestURI().toString());
      byte[] body = DECISIONS.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    hm.start();
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, healthMonitor("http://127.0.0.1:" + hm.getAddress().getPort()))) {
      director.services().deployments().save("demo", "name: demo\n", List.of(), List.of(), List.of());
      ApiClient api = director.reader();

      HttpResponse<String> decisions = api.get("/deployments/demo/resurrection/decisions");

      assertThat(decisions.statusCode()).isEqualTo(200);
      assertThat(decisions.body()).isEqualTo(DECISIONS);
      assertThat(asked).containsExactly("/decisions?deployment=demo");
      assertThat(api.get("/deployments/other/resurrection/decisions").statusCode()).isEqualTo(404);
    } finally {
      hm.stop(0);
    }
  }

  @Test
  void withoutAHealthMonitorExplainingIsUnavailable() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir)) {
      director.services().deployments().save("demo", "name: demo\n", List.of(), List.of(), List.of());
      ApiClient api = director.reader();

      HttpResponse<String> decisions = api.get("/deployments/demo/resurrection/decisions");

      assertThat(decisions.statusCode()).isEqualTo(503);
      assertThat(api.jsonObject(decisions)).containsEntry("code", 440020)
          .containsEntry("description", "no Health Monitor configured (health_monitor.api_url in director.yml)");
    }
  }

  @Test
  void aHealthMonitorThatDoesNotAnswerIsUnavailable() throws Exception {
    String url = "http://127.0.0.1:" + freePort();
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, healthMonitor(url))) {
      director.services().deployments().save("demo", "name: demo\n", List.of(), List.of(), List.of());
      ApiClient api = director.admin();

      HttpResponse<String> decisions = api.get("/deployments/demo/resurrection/decisions");

      assertThat(decisions.statusCode()).isEqualTo(503);
      assertThat((String) api.jsonObject(decisions).get("description")).startsWith("the Health Monitor at " + URI.create(url) + " does not answer: ");
    }
  }

  private String healthMonitor(String apiUrl) throws IOException {
    Path key = dir.resolve("hm/heartbeat.key");
    HeartbeatCredentials.writeNewKey(key);
    CertificateAuthority.loadOrGenerate(dir.resolve("hm/ingest"), "127.0.0.1");
    return "health_monitor:\n"
        + "  heartbeat_url: https://127.0.0.1:25924\n"
        + "  heartbeat_key: hm/heartbeat.key\n"
        + "  heartbeat_ca: hm/ingest/ca.pem\n"
        + "  api_url: " + apiUrl + "\n";
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
