package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.agent.testing.AgentFixture;
import io.lazarus.agent.testing.FakeDavBlobstore;
import io.lazarus.agent.testing.Tgz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class ApplyIT {
  @TempDir Path tempDir;
  AgentFixture agent;

  @BeforeEach
  void start() throws Exception {
    agent = new AgentFixture(tempDir, 30).start();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void asyncApplyInstallsAPackageAndAJobThatTheSupervisorThenRuns() throws Exception {
    Map<String, Object> spec = spec(agent.blobstore, null);

    JsonNode started = agent.call("apply", spec);
    assertThat(started.path("state").asString()).isEqualTo("running");
    JsonNode done = agent.runTask("apply", spec);
    assertThat(done.path("value").asString()).isEqualTo("applied");

    Path root = agent.paths.root();
    assertThat(root.resolve("packages/greeter")).isSymbolicLink();
    assertThat(Files.readString(root.resolve("packages/greeter/share/greeting.txt"))).isEqualTo("hello");
    assertThat(root.resolve("jobs/web")).isSymbolicLink();
    assertThat(Files.readSymbolicLink(root.resolve("jobs/web"))).isEqualTo(root.resolve("data/jobs/web/hash-web-1"));
    assertThat(Files.isExecutable(root.resolve("jobs/web/bin/web-ctl"))).isTrue();
    // plain mode: /var/vcap in rendered files now points into this VM's root
    assertThat(Files.readString(root.resolve("jobs/web/bin/web-ctl"))).contains(root + "/packages/greeter/share/greeting.txt").doesNotContain("/var/vcap");
    assertThat(root.resolve("sys/log/web")).isDirectory();
    assertThat(root.resolve("sys/run/web")).isDirectory();
    assertThat(Files.readString(root.resolve("instance/deployment"))).isEqualTo("demo");
    assertThat(root.resolve("bosh/spec.json")).exists();

    assertThat(agent.call("start").asString()).isEqualTo("started");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
        assertThat(root.resolve("sys/run/web/started")).hasContent("hello"));
    JsonNode state = agent.call("get_state");
    assertThat(state.path("deployment").asString()).isEqualTo("demo");
    assertThat(state.path("job_state").asString()).isEqualTo("running");
    assertThat(state.path("processes").get(0).path("name").asString()).isEqualTo("web");

    assertThat(agent.runTask("stop").path("value").asString()).isEqualTo("stopped");
    assertThat(agent.call("get_state").path("job_state").asString()).isEqualTo("stopped");
  }

  @Test
  void applyFailsNamingThePackageWhenItsBlobDoesNotMatchItsDigest() throws Exception {
    Map<String, Object> spec = spec(agent.blobstore, "0000000000000000000000000000000000000000");

    JsonNode failed = agent.runTask("apply", spec);

    assertThat(failed.path("exception").path("message").asString())
        .matches("Task [0-9a-f-]+ result: package 'greeter' 1\\.0: blob .* does not match its digest 0{40}.*");
    assertThat(agent.paths.root().resolve("packages/greeter")).doesNotExist();
  }

  @Test
  void prepareDownloadsAndUnpacksWithoutSwitchingAnything() throws Exception {
    JsonNode done = agent.runTask("prepare", spec(agent.blobstore, null));

    assertThat(done.path("value").asString()).isEqualTo("prepared");
    Path root = agent.paths.root();
    assertThat(root.resolve("data/packages/greeter/1.0/share/greeting.txt")).hasContent("hello");
    assertThat(root.resolve("data/jobs/web/hash-web-1/monit")).exists();
    assertThat(root.resolve("packages/greeter")).doesNotExist();
    assertThat(root.resolve("jobs/web")).doesNotExist();
    assertThat(root.resolve("bosh/spec.json")).doesNotExist();
  }

  @Test
  void getStateSurvivesAnAgentRestart() throws Exception {
    agent.runTask("apply", spec(agent.blobstore, null));
    agent.close();
    agent = new AgentFixture(tempDir, 30).start(); // the same VM root, a new agent

    assertThat(agent.call("get_state").path("deployment").asString()).isEqualTo("demo");
  }

  static Map<String, Object> spec(FakeDavBlobstore blobstore, String packageDigestOverride) throws Exception {
    return spec(blobstore, packageDigestOverride, """
        #!/bin/sh
        cp /var/vcap/packages/greeter/share/greeting.txt /var/vcap/sys/run/web/started
        exec sleep 600
        """);
  }

  /** A spec with the package greeter and the job web, whose process runs {@code webCtl}. */
  static Map<String, Object> spec(FakeDavBlobstore blobstore, String packageDigestOverride, String webCtl) throws Exception {
    byte[] pkg = Tgz.of(Map.of("share/greeting.txt", "hello"));
    String pkgId = blobstore.add(pkg);
    Map<String, String> rendered = new LinkedHashMap<>();
    rendered.put("web/monit", """
        check process web
          with pidfile /var/vcap/sys/run/web/pid
          start program "/var/vcap/jobs/web/bin/web-ctl"
          stop program "/bin/true"
          group vcap
        """);
    rendered.put("web/bin/web-ctl", webCtl);
    byte[] archive = Tgz.of(rendered);
    String archiveId = blobstore.add(archive);
    Map<String, Object> spec = new LinkedHashMap<>();
    spec.put("deployment", "demo");
    spec.put("name", "web");
    spec.put("id", "instance-uuid-1");
    spec.put("index", 0);
    spec.put("az", "z1");
    spec.put("job", Map.of("name", "web", "templates", List.of(Map.of("name", "web", "version", "v1", "sha1", "x", "blobstore_id", "y"))));
    spec.put("packages", Map.of("greeter", Map.of("name", "greeter", "version", "1.0",
        "sha1", packageDigestOverride != null ? packageDigestOverride : FakeDavBlobstore.sha1(pkg), "blobstore_id", pkgId)));
    spec.put("configuration_hash", "config-1");
    spec.put("template_hashes", Map.of("web", "hash-web-1"));
    spec.put("rendered_templates_archive", Map.of("blobstore_id", archiveId, "sha1", "sha256:" + sha256(archive)));
    spec.put("networks", Map.of("default", Map.of("ip", "127.0.0.1")));
    return spec;
  }

  static String sha256(byte[] bytes) throws Exception {
    return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
