package io.lazarus.director.instances;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.director.Director;
import io.lazarus.director.agent.FakeAgent;
import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * {@code vms} and {@code instances} with {@code format=full} as the bosh CLI reads them: one JSON line per instance,
 * the agent's job state and processes, "unresponsive agent" for a silent one, and instances without VMs only in
 * {@code instances}; then ignore and unignore.
 */
class VmStatesIT {
  private static final String SPEC = """
      {"vm_type": {"name": "default", "cloud_properties": {"cpu": 1}},
       "networks": {"default": {"ip": "127.10.0.11"}},
       "stemcell": {"name": "bosh-lazarus-local", "version": "1", "api_version": 3}}""";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void reportsEachInstanceWithWhatItsAgentSays(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir);
        FakeAgent agent = new FakeAgent(director.services().agentsCa().issue("127.0.0.1"), Files.createDirectories(dir.resolve("agent")), "mbus", "pw", 0)) {
      Director.DirectorServices services = director.services();
      long deployment = services.deployments().save("demo", "name: demo\n", List.of(), List.of(), List.of()).id();
      Instance web0 = services.instances().create(deployment, "web", 0, "uuid-web-0", "z1", "started", true);
      Instance web1 = services.instances().create(deployment, "web", 1, "uuid-web-1", "z1", "started", false);
      Instance counter = services.instances().create(deployment, "counter", 0, "uuid-counter-0", "z1", "started", true);
      services.instances().setSpec(web0.id(), SPEC);
      services.vms().setCid(services.vms().create(web0.id(), "agent-0", "local", agent.url(), "mbus", "pw", "bosh-lazarus-local/1").id(), "vm-0");
      services.vms().setCid(services.vms().create(web1.id(), "agent-1", "local", URI.create("https://127.0.0.1:1"), "mbus", "pw", "bosh-lazarus-local/1").id(), "vm-1");
      services.persistentDisks().create(counter.id(), "disk-1", 1024, Map.of(), true, "local");
      ApiClient api = director.admin();

      List<Map<String, Object>> vms = resultLines(api, api.get("/deployments/demo/vms?format=full"));
      List<Map<String, Object>> instances = resultLines(api, api.get("/deployments/demo/instances?format=full"));

      assertThat(vms).extracting(line -> line.get("id")).containsExactly("uuid-web-0", "uuid-web-1");
      assertThat(vms.get(0))
          .containsEntry("vm_cid", "vm-0")
          .containsEntry("agent_id", "agent-0")
          .containsEntry("job_name", "web")
          .containsEntry("index", 0)
          .containsEntry("job_state", "running")
          .containsEntry("ips", List.of("127.10.0.11"))
          .containsEntry("vm_type", "default")
          .containsEntry("bootstrap", true)
          .containsEntry("ignore", false)
          .containsEntry("stemcell", Map.of("name", "bosh-lazarus-local", "version", "1", "api_version", 3));
      assertThat(vms.get(0).get("processes")).asList().hasSize(1);
      assertThat(vms.get(1)).containsEntry("job_state", "unresponsive agent");
      assertThat(instances).extracting(line -> line.get("id")).containsExactly("uuid-counter-0", "uuid-web-0", "uuid-web-1");
      assertThat(instances.get(0)).containsEntry("vm_cid", null).containsEntry("job_state", null).containsEntry("disk_cid", "disk-1");

      assertThat(api.put("/deployments/demo/instance_groups/web/uuid-web-1/ignore", "application/json", "{\"ignore\":true}").statusCode()).isEqualTo(200);
      assertThat(services.instances().get(web1.id()).ignored()).isTrue();
      assertThat(api.put("/deployments/demo/instance_groups/web/1/ignore", "application/json", "{\"ignore\":false}").statusCode()).isEqualTo(200);
      assertThat(services.instances().get(web1.id()).ignored()).isFalse();
      ApiErrors.assertError(api.put("/deployments/demo/instance_groups/web/7/ignore", "application/json", "{\"ignore\":true}"), 404, 70001, "Instance 'web/7' doesn't exist");
      ApiErrors.assertError(api.put("/deployments/demo/instance_groups/web/0/ignore", "application/json", "{\"ignore\":\"yes\"}"), 400, 40000, "field 'ignore' must be true or false");
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> resultLines(ApiClient api, java.net.http.HttpResponse<String> redirect) {
    Map<String, Object> task = Tasks.done(api, redirect);
    String result = api.get("/tasks/" + task.get("id") + "/output?type=result").body();
    return Arrays.stream(result.split("\n")).filter(line -> !line.isBlank()).map(line -> (Map<String, Object>) Json.read(line, Map.class)).toList();
  }
}
