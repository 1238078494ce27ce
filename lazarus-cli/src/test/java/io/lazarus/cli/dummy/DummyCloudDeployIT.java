package io.lazarus.cli.dummy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.testing.DemoManifests;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Director on the dummy CPI deploys 50 instances of the demo release's web job from the real stemcell and
 * release: every VM is a simulated agent answering over HTTPS on its own address of 127.88.0.0/16.
 */
class DummyCloudDeployIT {
  private static final String TARBALL = "application/x-compressed";
  private static final Duration TASK_LIMIT = Duration.ofMinutes(4);

  @TempDir
  Path dir;

  @Test
  void deploysFiftyInstancesOfTheDemoReleaseOnSimulatedAgents() throws Exception {
    try (Director director = Director.start(DirectorConfig.load(config(dir)))) {
      DirectorHttp api = DirectorHttp.fromEnvFile(director.envFile());
      assertThat(Json.read(api.get("/info").body(), Map.class).get("cpi")).isEqualTo("dummy");

      awaitDone(api, api.startTask("/stemcells", TARBALL, DirectorHttp.resource("/artifacts/lazarus-local-stemcell.tgz")));
      awaitDone(api, api.startTask("/releases", TARBALL, DirectorHttp.resource("/artifacts/demo-release.tgz")));
      String cloudConfig = Json.write(Map.of("type", "cloud", "name", "default", "content", CLOUD_CONFIG));
      assertThat(api.post("/configs", "application/json", BodyPublishers.ofString(cloudConfig)).statusCode()).isIn(200, 201);

      awaitDone(api, api.startTask("/deployments", "text/yaml", BodyPublishers.ofString(manifest(50, 25))));

      long states = DirectorHttp.taskId(api.get("/deployments/scale/instances?format=full"));
      awaitDone(api, states);
      List<Map<?, ?>> instances = api.resultLines(states);
      assertThat(instances).hasSize(50);
      assertThat(instances).allSatisfy(instance -> {
        assertThat(instance.get("job_state")).isEqualTo("running");
        assertThat(instance.get("processes").toString()).contains("name=web", "state=running");
      });
      assertThat(instances.stream().map(instance -> instance.get("ips").toString()).distinct()).hasSize(50);
    }
  }

  static void awaitDone(DirectorHttp api, long task) {
    await().atMost(TASK_LIMIT).pollInterval(Duration.ofMillis(250)).until(() -> {
      Object state = api.task(task).get("state");
      if (!"queued".equals(state) && !"processing".equals(state) && !"done".equals(state)) {
        throw new AssertionError("task " + task + " ended " + state + ": " + api.task(task).get("result")
            + "\n" + api.get("/tasks/" + task + "/output?type=debug").body().lines().filter(line -> line.contains("ERROR") || line.contains("rror")).limit(20).toList());
      }
      return "done".equals(state);
    });
  }

  static Path config(Path dir) throws Exception {
    String yaml = "name: dummy-it\n"
        + "address: 127.0.0.1\n"
        + "port: 0\n"
        + "store: store\n"
        + "workers: 2\n"
        + "cpi: {type: dummy}\n"
        + "user_management:\n"
        + "  local:\n"
        + "    users:\n"
        + "    - {name: admin, password: admin-secret}\n";
    return Files.writeString(dir.resolve("director.yml"), yaml);
  }

  static final String CLOUD_CONFIG = DemoManifests.cloudConfig("127.88");

  static String manifest(int instances, int maxInFlight) {
    return DemoManifests.web("scale", instances, maxInFlight, "10-30000");
  }
}
