package io.lazarus.director.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code PUT /deployments/D/jobs/G[/ID]?state=...}, {@code POST /deployments/D/instance_groups/G/ID/actions/A} and
 * {@code GET .../logs}: bad requests are refused with BOSH's codes before any task exists; a dry run checks and
 * changes nothing; ignored instances are left alone, and naming one fails the task.
 */
class InstanceStateRequestsIT {
  private static final String MANIFEST = """
      name: demo
      releases: [{name: demo, version: "1"}]
      stemcells: [{alias: default, os: lazarus-local, version: "1"}]
      update: {canaries: 1, max_in_flight: 2, canary_watch_time: 1000-60000, update_watch_time: 1000-60000}
      instance_groups:
      - name: web
        instances: 2
        azs: [z1]
        vm_type: default
        stemcell: default
        networks: [{name: default}]
        jobs: [{name: web, release: demo}]
      """;

  @TempDir Path dir;

  @Test
  void badRequestsAreRefusedBeforeATaskExistsAndADryRunChangesNothing() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir)) {
      var services = director.services();
      long deployment = services.deployments().save("demo", MANIFEST, List.of(), List.of(), List.of()).id();
      services.instances().create(deployment, "web", 0, "uuid-web-0", "z1", "started", true);
      services.instances().create(deployment, "web", 1, "uuid-web-1", "z1", "started", false);
      ApiClient api = director.admin();

      ApiErrors.assertError(api.put("/deployments/nope/jobs/web?state=stopped", "text/yaml", ""), 404, 70000, "Deployment 'nope' doesn't exist");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/db?state=stopped", "text/yaml", ""), 404, 70001, "Instance group 'db' doesn't exist in deployment 'demo'");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/web/7?state=recreate", "text/yaml", ""), 404, 70001, "'demo/web/7' doesn't exist");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/web/uuid-nope?state=recreate", "text/yaml", ""), 404, 70001, "'demo/web/uuid-nope' doesn't exist");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/web?state=paused", "text/yaml", ""), 400, 40005,
          "query parameter 'state' must be one of started, stopped, detached, restart, recreate; got 'paused'");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/web?state=restart&canaries=many", "text/yaml", ""), 400, 40005,
          "query parameter 'canaries': expected a number of instances or a percentage such as '25%', got 'many'");
      ApiErrors.assertError(api.put("/deployments/demo/jobs/web?state=stopped", "text/yaml", "name: demo\n"), 400, 40005,
          "request body must be empty: instance states are changed on the stored manifest of deployment 'demo'");
      ApiErrors.assertError(api.post("/deployments/nope/instance_groups/web/0/actions/stop", "text/yaml", ""), 404, 70000, "Deployment 'nope' doesn't exist");
      ApiErrors.assertError(api.post("/deployments/demo/instance_groups/web/7/actions/recreate", "text/yaml", ""), 404, 70001, "'demo/web/7' doesn't exist");
      ApiErrors.assertError(api.post("/deployments/demo/instance_groups/db/0/actions/start", "text/yaml", ""), 404, 70001, "'demo/db/0' doesn't exist");
      ApiErrors.assertError(api.post("/deployments/demo/instance_groups/web/0/actions/pause", "text/yaml", ""), 400, 40005,
          "instance action must be one of start, stop, restart, recreate; got 'pause'");
      ApiErrors.assertError(director.reader().post("/deployments/demo/instance_groups/web/0/actions/stop", "text/yaml", ""), 401, 600000, "Require one of the scopes: bosh.admin");
      ApiErrors.assertError(api.get("/deployments/demo/jobs/web/9/logs?type=job"), 404, 70001, "'demo/web/9' doesn't exist");
      ApiErrors.assertError(api.get("/deployments/demo/jobs/web/0/logs?type=everything"), 400, 40005, "query parameter 'type' must be 'job' or 'agent', got 'everything'");
      ApiErrors.assertError(api.get("/deployments/demo/jobs/web/0/logs?type=job"), 404, 70001, "No appropriate instance with a VM was found in deployment 'demo'");
      ApiErrors.assertError(api.get("/deployments/demo/jobs/*/*/logs?type=job"), 404, 70001, "No appropriate instance with a VM was found in deployment 'demo'");
      ApiErrors.assertError(api.get("/resources/3f0c8a52-0000-4000-8000-000000000000"), 404, 100002, "Resource '3f0c8a52-0000-4000-8000-000000000000' not found");
      ApiErrors.assertError(director.reader().get("/resources/3f0c8a52-0000-4000-8000-000000000000"), 401, 600000, "Require one of the scopes: bosh.admin");
      ApiErrors.assertError(director.reader().get("/deployments/demo/jobs/web/0/logs?type=job"), 401, 600000, "Require one of the scopes: bosh.admin");
      assertThat(api.jsonArray(api.get("/tasks?verbose=2"))).isEmpty();

      Map<String, Object> dryRun = Tasks.done(api, api.put("/deployments/demo/jobs/*?dry_run=true&state=detached", "text/yaml", ""));

      assertThat(dryRun).containsEntry("description", "create deployment (dry run)").containsEntry("deployment", "demo");
      assertThat(services.instances().list(deployment)).extracting(instance -> instance.state()).containsOnly("started");
    }
  }

  @Test
  void ignoredInstancesAreLeftAloneWithAWarningAndNamingOneFailsTheTask() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir)) {
      var services = director.services();
      long deployment = services.deployments().save("demo", MANIFEST, List.of(), List.of(), List.of()).id();
      var ignored = services.instances().create(deployment, "web", 0, "uuid-web-0", "z1", "started", true);
      services.instances().create(deployment, "web", 1, "uuid-web-1", "z1", "started", false);
      services.instances().setIgnored(ignored.id(), true);
      ApiClient api = director.admin();

      Map<String, Object> group = Tasks.done(api, api.put("/deployments/demo/jobs/web?dry_run=true&state=stopped", "text/yaml", ""));

      assertThat(Tasks.eventLog(api, group)).contains("\"type\":\"warning\",\"message\":\"You have ignored instances. They will not be changed.\"");
      String expected = "You are trying to change the state of the ignored instance 'web/uuid-web-0'. This operation is not allowed. You need to unignore it first.";
      assertThat(Tasks.failed(api, api.put("/deployments/demo/jobs/web/0?state=stopped", "text/yaml", ""))).isEqualTo(expected);
      assertThat(services.instances().list(deployment)).extracting(instance -> instance.state()).containsOnly("started");
    }
  }
}
