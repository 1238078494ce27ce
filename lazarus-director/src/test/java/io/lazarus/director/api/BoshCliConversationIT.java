package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.director.api.BoshCliTaskFollower.Outcome;
import io.lazarus.director.api.BoshCliTransport.Response;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays what bosh CLI v7.1.0 sends for each command (bosh-behaviour.md §7–§8 and the CLI's {@code director/*.go})
 * byte for byte through {@link BoshCliTransport}, and checks the fields the CLI reads back, with their JSON types:
 * Go's decoder fails a whole command on a string where it expects an int. The real binary cannot be installed here.
 */
class BoshCliConversationIT {
  private static final String TARBALL = "application/x-compressed";
  private static final String JSON = "application/json";
  private static final String YAML = "text/yaml";

  @TempDir
  static Path dir;

  private static TestDirector director;
  private static BoshCliTransport anonymous;
  private static BoshCliTransport cli;
  private static BoshCliTaskFollower tasks;

  @BeforeAll
  static void start() throws IOException {
    director = TestDirector.start(DatabaseKind.H2, dir);
    anonymous = BoshCliTransport.anonymous(director.director().url(), director.store().resolve("director/tls/ca.pem"));
    cli = anonymous.basic(TestDirector.ADMIN, TestDirector.ADMIN_PASSWORD);
    tasks = new BoshCliTaskFollower(cli);
  }

  @AfterAll
  static void stop() {
    director.close();
  }

  @Test
  void env() {
    Response before = anonymous.get("/info");
    Response after = cli.get("/info");

    assertThat(before.status()).isEqualTo(200);
    assertThat(before.tlsProtocol()).isEqualTo("TLSv1.2");
    assertThat(BoshCliTransport.CIPHER_SUITES).contains(before.cipherSuite());
    Map<String, Object> info = before.object();
    assertThat(info).containsKey("user").containsEntry("user", null);
    assertThat(info.get("user_authentication")).isEqualTo(Map.of("type", "basic", "options", Map.of()));
    assertThat(List.of("name", "uuid", "version", "cpi")).allSatisfy(key -> assertThat(info.get(key)).isInstanceOf(String.class));
    assertThat((Map<?, ?>) info.get("features")).allSatisfy((name, feature) ->
        assertThat(((Map<?, ?>) feature).get("status")).isInstanceOf(Boolean.class));
    assertThat(after.object()).containsEntry("user", TestDirector.ADMIN);
  }

  @Test
  void uploadStemcellAndStemcells() {
    Outcome upload = uploadStemcell("conv-stemcell", "3.1");
    Response again = cli.send("POST", "/stemcell_uploads", json(), body("{\"stemcell\":{\"name\":\"conv-stemcell\",\"version\":\"3.1\"}}"));
    Response stemcells = cli.get("/stemcells");

    assertThat(upload.task()).containsEntry("state", "done").containsEntry("description", "create stemcell");
    assertThat(again.object()).isEqualTo(Map.of("needed", false));
    assertThat(stemcells.array()).filteredOn(s -> s.get("name").equals("conv-stemcell")).singleElement().satisfies(s -> {
      assertThat(s.get("version")).isEqualTo("3.1");
      assertThat(List.of("operating_system", "cid", "cpi")).allSatisfy(key -> assertThat(s.get(key)).isInstanceOf(String.class));
      assertThat(s.get("deployments")).isEqualTo(List.of());
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void uploadReleaseLeavesOutPackagesTheDirectorHasAndReleases() throws IOException {
    Outcome first = uploadRelease(ReleaseTarball.demo("conv-release", "1"), "conv-release", "1");
    Path second = ReleaseTarball.of("conv-release", "2").pkg("ruby", "ruby 3.3").pkg("app", "app v2", "ruby")
        .job("web", "ruby", "app").without("packages/ruby.tgz").writeTo(dir.resolve("conv-release-2.tgz"));
    Response matches = cli.send("POST", "/packages/matches", Map.of("Content-Type", YAML), Files.readAllBytes(manifestOf(second)));
    Outcome upload = tasks.follow(cli.send("POST", "/releases?", Map.of("Content-Type", TARBALL), Files.readAllBytes(second)));
    Response releases = cli.get("/releases");

    assertThat(first.task()).containsEntry("state", "done");
    assertThat(matches.status()).isEqualTo(200);
    assertThat(matches.json()).isEqualTo(List.of(ReleaseTarball.fingerprint("ruby 3.3")));
    assertThat(upload.task()).as("events: %s", upload.events()).containsEntry("state", "done").containsEntry("description", "create release");
    assertThat(releases.array()).filteredOn(r -> r.get("name").equals("conv-release")).singleElement().satisfies(release ->
        assertThat((List<Map<String, Object>>) release.get("release_versions")).extracting(v -> v.get("version")).containsExactly("1", "2")
            .satisfies(versions -> assertThat((List<Map<String, Object>>) release.get("release_versions")).allSatisfy(v -> {
              assertThat(v.get("commit_hash")).isInstanceOf(String.class);
              assertThat(v.get("uncommitted_changes")).isInstanceOf(Boolean.class);
              assertThat(v.get("currently_deployed")).isEqualTo(false);
            })));
  }

  @Test
  void deployments() {
    director.services().deployments().save("conv-deployments", "name: conv-deployments\n", List.of(), List.of(), List.of());

    Response deployments = cli.get("/deployments?exclude_configs=true");

    assertThat(deployments.array()).filteredOn(d -> d.get("name").equals("conv-deployments")).singleElement().satisfies(d -> {
      assertThat(d.get("releases")).isEqualTo(List.of());
      assertThat(d.get("stemcells")).isEqualTo(List.of());
      assertThat(d.get("teams")).isEqualTo(List.of());
    });
  }

  @Test
  void tasksAndTask() {
    Outcome upload = uploadStemcell("conv-tasks", "1");
    long id = ((Number) upload.task().get("id")).longValue();

    Response recent = cli.get("/tasks?limit=30&verbose=2");
    Response current = cli.get("/tasks?state=processing%2Ccancelling%2Cqueued&verbose=2");
    Outcome task = tasks.follow(id);
    Response events = cli.send("GET", "/tasks/" + id + "/output?type=event", Map.of("Range", "bytes=0-"), null);
    Response nothingNew = cli.send("GET", "/tasks/" + id + "/output?type=event",
        Map.of("Range", "bytes=" + events.body().length + "-"), null);

    assertThat(recent.array()).isNotEmpty().allSatisfy(BoshCliConversationIT::isTaskJson);
    assertThat(recent.array()).extracting(t -> ((Number) t.get("id")).longValue()).contains(id);
    assertThat(current.status()).isEqualTo(200);
    assertThat(current.array()).allSatisfy(BoshCliConversationIT::isTaskJson);
    isTaskJson(task.task());
    assertThat(task.task().get("timestamp")).isInstanceOf(Number.class);
    assertThat(task.events()).isNotEmpty().allSatisfy(event -> {
      assertThat(event.get("time")).isInstanceOf(Number.class);
      assertThat(event.get("stage")).isInstanceOf(String.class);
      assertThat(event.get("tags")).isInstanceOf(List.class);
      assertThat(event.get("task")).isInstanceOf(String.class);
      assertThat(event.get("index")).isInstanceOf(Integer.class);
      assertThat(event.get("state")).isIn("started", "in_progress", "finished", "failed");
      assertThat(event.get("progress")).isInstanceOf(Integer.class);
    });
    assertThat(events.status()).isEqualTo(206);
    assertThat(events.header("Content-Range")).startsWith("bytes 0-");
    assertThat(nothingNew.status()).isEqualTo(416);
  }

  @Test
  @SuppressWarnings("unchecked")
  void updateConfigAndConfigs() {
    String content = "rules:\n- enabled: false\n  include: {deployments: [conv]}\n";
    Response diff = cli.send("POST", "/configs/diff", json(), body(Json.write(Map.of("type", "resurrection", "name", "conv", "content", content))));
    String fromId = (String) ((Map<?, ?>) diff.object().get("from")).get("id");
    Response created = cli.send("POST", "/configs", json(), body(Json.write(
        Map.of("type", "resurrection", "name", "conv", "content", content, "expected_latest_id", fromId))));
    Response stale = cli.send("POST", "/configs", json(), body(Json.write(
        Map.of("type", "resurrection", "name", "conv", "content", content + "# changed\n", "expected_latest_id", fromId))));
    Response latest = cli.get("/configs?latest=true&limit=1");
    Response byName = cli.get("/configs?latest=true&limit=1&name=conv&type=resurrection");

    assertThat(diff.status()).isEqualTo(200);
    assertThat(fromId).isEqualTo("0");
    assertThat((List<Object>) diff.object().get("diff")).contains(List.of("rules:", "added"));
    assertThat(created.status()).isEqualTo(201);
    isConfigJson(created.object());
    assertThat(created.object()).containsEntry("content", content).containsEntry("current", true);
    assertThat(stale.status()).isEqualTo(412);
    assertThat(stale.object()).containsEntry("latest_id", created.object().get("id")).containsEntry("expected_latest_id", "0")
        .containsKey("description");
    assertThat(latest.array()).isNotEmpty().allSatisfy(BoshCliConversationIT::isConfigJson);
    assertThat(byName.array()).singleElement().satisfies(config -> assertThat(config).containsEntry("id", created.object().get("id")));
  }

  @Test
  void cloudConfigAndUpdateCloudConfig() {
    String yaml = "azs:\n- name: z1\nnetworks: []\n";
    Response diff = cli.send("POST", "/cloud_configs/diff?name=", Map.of("Content-Type", YAML), body(yaml));
    Response updated = cli.send("POST", "/cloud_configs?name=", Map.of("Content-Type", YAML), body(yaml));
    Response shown = cli.get("/cloud_configs?limit=1&name=");

    assertThat(diff.status()).isEqualTo(200);
    assertThat(diff.object().get("diff")).isInstanceOf(List.class);
    assertThat(updated.status()).isEqualTo(201);
    assertThat(shown.array()).singleElement().satisfies(config -> assertThat(config.get("properties")).isEqualTo(yaml));
  }

  @Test
  @SuppressWarnings("unchecked")
  void cpiConfigAndUpdateCpiConfig() {
    String yaml = "cpis:\n- {name: conv, type: dummy}\n";
    try {
      Response diff = cli.send("POST", "/cpi_configs/diff?", Map.of("Content-Type", YAML), body(yaml));
      Response updated = cli.send("POST", "/cpi_configs", Map.of("Content-Type", YAML), body(yaml));
      Response shown = cli.get("/cpi_configs?limit=1");
      Response refused = cli.send("POST", "/cpi_configs", Map.of("Content-Type", YAML), body("cpis:\n- {name: conv, type: external}\n"));

      assertThat(diff.status()).isEqualTo(200);
      assertThat((List<Object>) diff.object().get("diff")).contains(List.of("cpis:", "added"));
      assertThat(updated.status()).isEqualTo(201);
      assertThat(shown.array()).singleElement().satisfies(config -> assertThat(config).containsEntry("properties", yaml).containsKey("created_at"));
      assertThat(refused.status()).isEqualTo(400);
      assertThat(refused.object().get("description")).asString().contains("'cpis[0]': cpi 'conv': missing required field 'exec_path'");
      assertThat(cli.get("/cpi_configs?limit=1").array()).singleElement().satisfies(config -> assertThat(config).containsEntry("properties", yaml));
    } finally {
      cli.send("DELETE", "/configs?type=cpi&name=default", Map.of(), body(""));
    }
  }

  @Test
  void updateResurrection() {
    Response paused = cli.send("PUT", "/resurrection", json(), body("{\"resurrection_paused\":true}"));
    Response resumed = cli.send("PUT", "/resurrection", json(), body("{\"resurrection_paused\":false}"));

    assertThat(paused.status()).isEqualTo(200);
    assertThat(resumed.status()).isEqualTo(200);
  }

  @Test
  void locks() throws InterruptedException {
    long taskId = ((Number) uploadStemcell("conv-locks", "1").task().get("id")).longValue();
    Response locks;
    try (Lock lock = director.services().locks().acquire(Locks.deploymentLock("conv-locked"), taskId, Duration.ZERO)) {
      locks = cli.get("/locks");
    }

    assertThat(locks.array()).singleElement().satisfies(lock -> {
      assertThat(lock.get("type")).isEqualTo("deployment");
      assertThat(lock.get("resource")).isEqualTo(List.of("conv-locked"));
      assertThat((String) lock.get("timeout")).matches("\\d+\\.\\d{6}");
      assertThat(lock.get("task_id")).isEqualTo(Long.toString(taskId));
    });
    assertThat(cli.get("/locks").json()).isEqualTo(List.of());
  }

  @Test
  void events() {
    uploadStemcell("conv-events", "1");
    uploadStemcell("conv-events", "2");

    Response events = cli.get("/events");
    String newest = (String) events.array().getFirst().get("id");
    Response older = cli.get("/events?before_id=" + newest + "&object_type=stemcell");

    assertThat(events.array()).isNotEmpty().hasSizeLessThanOrEqualTo(200).allSatisfy(event -> {
      assertThat(event.get("id")).isInstanceOf(String.class);
      assertThat(event.get("timestamp")).isInstanceOf(Number.class).isNotInstanceOf(Double.class);
      assertThat(List.of("user", "action", "object_type")).allSatisfy(key -> assertThat(event.get(key)).isInstanceOf(String.class));
      assertThat(event.get("context")).isInstanceOf(Map.class);
      assertThat(event).doesNotContainValue(null).doesNotContainValue("");
      if (event.containsKey("parent_id")) {
        assertThat(event.get("parent_id")).isInstanceOf(String.class);
      }
    });
    assertThat(events.array()).anySatisfy(event -> assertThat(event)
        .containsEntry("action", "create").containsEntry("object_type", "stemcell").containsEntry("object_name", "conv-events/1"));
    assertThat(older.array()).isNotEmpty().allSatisfy(event -> {
      assertThat(Long.parseLong((String) event.get("id"))).isLessThan(Long.parseLong(newest));
      assertThat(event).containsEntry("object_type", "stemcell");
    });
  }

  @Test
  void deleteStemcellReleaseAndDeployment() throws IOException {
    uploadStemcell("conv-doomed", "1");
    uploadRelease(ReleaseTarball.demo("conv-doomed", "1"), "conv-doomed", "1");
    director.services().deployments().save("conv-doomed", "name: conv-doomed\n", List.of(), List.of(), List.of());

    Outcome stemcell = tasks.follow(cli.send("DELETE", "/stemcells/conv-doomed/1?", Map.of(), null));
    Outcome release = tasks.follow(cli.send("DELETE", "/releases/conv-doomed?force=true&version=1", Map.of(), null));
    Outcome deployment = tasks.follow(cli.send("DELETE", "/deployments/conv-doomed?", Map.of(), null));

    assertThat(stemcell.task()).containsEntry("state", "done");
    assertThat(release.task()).containsEntry("state", "done");
    assertThat(deployment.task()).containsEntry("state", "done").containsEntry("description", "delete deployment conv-doomed");
    assertThat(cli.get("/stemcells").array()).noneSatisfy(s -> assertThat(s.get("name")).isEqualTo("conv-doomed"));
    assertThat(cli.get("/releases").array()).noneSatisfy(r -> assertThat(r.get("name")).isEqualTo("conv-doomed"));
    assertThat(cli.get("/deployments?exclude_configs=true").array()).noneSatisfy(d -> assertThat(d.get("name")).isEqualTo("conv-doomed"));
  }

  /** {@code bosh upload-stemcell FILE}: ask whether it is needed, then send the tarball raw. */
  private static Outcome uploadStemcell(String name, String version) {
    try {
      Path tarball = StemcellTarball.of(name, version).writeTo(dir.resolve(name + "-" + version + "-stemcell.tgz"));
      Response needed = cli.send("POST", "/stemcell_uploads", json(),
          body("{\"stemcell\":{\"name\":\"" + name + "\",\"version\":\"" + version + "\"}}"));
      assertThat(needed.object()).isEqualTo(Map.of("needed", true));
      return tasks.follow(cli.send("POST", "/stemcells?", Map.of("Content-Type", TARBALL), Files.readAllBytes(tarball)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code bosh upload-release FILE}: list releases, ask for package matches (none here), send the tarball raw. */
  private static Outcome uploadRelease(ReleaseTarball release, String name, String version) throws IOException {
    Path tarball = release.writeTo(dir.resolve(name + "-" + version + ".tgz"));
    assertThat(cli.get("/releases").array()).noneSatisfy(r -> assertThat(r.get("name")).isEqualTo(name));
    Response matches = cli.send("POST", "/packages/matches", Map.of("Content-Type", YAML), Files.readAllBytes(manifestOf(tarball)));
    assertThat(matches.json()).isEqualTo(List.of());
    return tasks.follow(cli.send("POST", "/releases?", Map.of("Content-Type", TARBALL), Files.readAllBytes(tarball)));
  }

  private static Path manifestOf(Path tarball) throws IOException {
    try (InputStream in = new GzipCompressorInputStream(Files.newInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.getName().equals("release.MF")) {
          return Files.write(dir.resolve(tarball.getFileName() + ".MF"), tar.readAllBytes());
        }
      }
    }
    throw new IllegalArgumentException(tarball + " has no release.MF");
  }

  private static void isTaskJson(Map<String, Object> task) {
    assertThat(task.get("id")).isInstanceOf(Integer.class);
    assertThat(List.of("state", "description", "user", "context_id")).allSatisfy(key -> assertThat(task.get(key)).isInstanceOf(String.class));
    assertThat(task).containsKeys("timestamp", "started_at", "result", "deployment");
    assertThat(task.get("started_at")).satisfiesAnyOf(v -> assertThat(v).isNull(), v -> assertThat(v).isInstanceOf(Number.class));
  }

  private static void isConfigJson(Map<String, Object> config) {
    assertThat(List.of("id", "type", "name", "content", "created_at")).allSatisfy(key -> assertThat(config.get(key)).isInstanceOf(String.class));
    assertThat((String) config.get("id")).matches("\\d+");
    assertThat(config).containsKey("team");
    assertThat(config.get("current")).isInstanceOf(Boolean.class);
  }

  private static Map<String, String> json() {
    return Map.of("Content-Type", JSON);
  }

  private static byte[] body(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
