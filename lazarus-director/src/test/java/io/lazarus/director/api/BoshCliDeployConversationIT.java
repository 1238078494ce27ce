package io.lazarus.director.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.api.BoshCliTaskFollower.Outcome;
import io.lazarus.director.api.BoshCliTransport.Response;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployment commands of bosh CLI v7.1.0 replayed request by request (bosh-behaviour.md §8.3/§8.4) against a
 * real Director on the dummy CPI: deploy (diff, then the deploy with its context), instances and vms (tasks whose
 * result lines the CLI parses), recreate (converging, then {@code --no-converge}), stop/start {@code --no-converge},
 * logs, ignore. Each test is one command and builds on the one before.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BoshCliDeployConversationIT {
  private static final String YAML = "text/yaml";
  private static final String TARBALL = "application/x-compressed";
  private static final String MANIFEST = """
      name: conv
      releases: [{name: conv-demo, version: latest}]
      stemcells: [{alias: default, name: conv-cell, version: latest}]
      update: {canaries: 1, max_in_flight: 2, canary_watch_time: 10-30000, update_watch_time: 10-30000}
      instance_groups:
      - name: web
        instances: 2
        azs: [z1]
        vm_type: default
        stemcell: default
        networks: [{name: default}]
        jobs: [{name: web, release: conv-demo, properties: {port: 9090}}]
      """;

  @TempDir
  static Path dir;

  private static TestDirector director;
  private static BoshCliTransport cli;
  private static BoshCliTaskFollower tasks;

  @BeforeAll
  static void start() throws Exception {
    director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n");
    cli = BoshCliTransport.anonymous(director.director().url(), director.store().resolve("director/tls/ca.pem")).basic(TestDirector.ADMIN, TestDirector.ADMIN_PASSWORD);
    tasks = new BoshCliTaskFollower(cli);
    Path stemcell = StemcellTarball.of("conv-cell", "1").writeTo(dir.resolve("stemcell.tgz"));
    assertThat(tasks.follow(cli.send("POST", "/stemcells?", Map.of("Content-Type", TARBALL), Files.readAllBytes(stemcell))).task()).containsEntry("state", "done");
    Path release = ReleaseTarball.demo("conv-demo", "1").writeTo(dir.resolve("release.tgz"));
    assertThat(tasks.follow(cli.send("POST", "/releases?", Map.of("Content-Type", TARBALL), Files.readAllBytes(release))).task()).containsEntry("state", "done");
    String cloudConfig = """
        azs: [{name: z1}]
        vm_types: [{name: default}]
        networks:
        - name: default
          type: manual
          subnets: [{range: 127.87.0.0/24, gateway: 127.87.0.1, reserved: [127.87.0.2 - 127.87.0.9], az: z1}]
        compilation: {workers: 1, network: default, az: z1, reuse_compilation_vms: true, vm_type: default}
        """;
    assertThat(cli.send("POST", "/cloud_configs?name=", Map.of("Content-Type", YAML), bytes(cloudConfig)).status()).isEqualTo(201);
  }

  @AfterAll
  static void stop() {
    if (director != null) {
      director.close();
    }
  }

  @Test
  @Order(1)
  @SuppressWarnings("unchecked")
  void deployAsksForTheDiffThenDeploysWithItsContext() {
    Response diff = cli.send("POST", "/deployments/conv/diff?redact=false", Map.of("Content-Type", YAML), bytes(MANIFEST));
    assertThat(diff.status()).isEqualTo(200);
    Map<String, Object> context = (Map<String, Object>) diff.object().get("context");
    assertThat(context.get("cloud_config_ids")).isInstanceOf(List.class);
    assertThat((List<?>) diff.object().get("diff")).allSatisfy(line -> assertThat((List<?>) line).hasSize(2));

    Outcome deploy = tasks.follow(cli.send("POST", "/deployments?context=" + URLEncoder.encode(Json.write(context), StandardCharsets.UTF_8), Map.of("Content-Type", YAML), bytes(MANIFEST)));

    assertThat(deploy.task()).as("events: %s", deploy.events()).containsEntry("state", "done").containsEntry("description", "create deployment").containsEntry("deployment", "conv");
    assertThat(deploy.events()).anySatisfy(event -> assertThat(event.get("stage")).isEqualTo("Updating instance"));
  }

  @Test
  @Order(2)
  void instancesIsATaskWhoseResultLinesCarryWhatTheCliPrints() {
    Outcome instances = tasks.follow(cli.get("/deployments/conv/instances?format=full"));

    assertThat(instances.task()).containsEntry("description", "retrieve vm-stats").containsEntry("state", "done");
    List<Map<String, Object>> lines = resultLines(instances);
    assertThat(lines).hasSize(2).allSatisfy(line -> {
      assertThat(line).containsKeys("vm_cid", "active", "vm_created_at", "cloud_properties", "disk_cid", "disk_cids", "ips", "agent_id",
          "job_name", "index", "id", "az", "bootstrap", "ignore", "job_state", "state", "vm_type", "vitals", "processes", "stemcell");
      assertThat(line.get("job_name")).isEqualTo("web");
      assertThat(line.get("job_state")).isEqualTo("running");
      assertThat((List<?>) line.get("ips")).singleElement().asString().startsWith("127.87.0.");
    });
  }

  @Test
  @Order(3)
  void vmsListsTheSameInstancesWithTheirVms() {
    Outcome vms = tasks.follow(cli.get("/deployments/conv/vms?format=full"));

    assertThat(vms.task()).containsEntry("description", "retrieve vm-stats").containsEntry("state", "done");
    assertThat(resultLines(vms)).hasSize(2).allSatisfy(line -> assertThat(line.get("vm_cid")).isInstanceOf(String.class));
  }

  @Test
  @Order(4)
  void recreateOfOneInstanceGivesItANewVm() {
    String before = vmCidOf(0);

    Outcome recreate = tasks.follow(cli.send("PUT", "/deployments/conv/jobs/web/0?state=recreate", Map.of("Content-Type", YAML), new byte[0]));

    assertThat(recreate.task()).as("events: %s", recreate.events()).containsEntry("state", "done").containsEntry("description", "create deployment");
    assertThat(vmCidOf(0)).isNotEqualTo(before);
  }

  @Test
  @Order(5)
  void recreateWithoutConvergingReplacesThatVmAloneStepByStep() {
    String other = vmCidOf(0);
    String before = vmCidOf(1);
    String id = idOf(1);

    Outcome recreate = tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/actions/recreate?skip_drain=true", Map.of(), new byte[0]));

    assertThat(recreate.task()).as("events: %s", recreate.events())
        .containsEntry("state", "done").containsEntry("description", "recreate instance").containsEntry("result", "web/" + id);
    assertThat(finishedSteps(recreate, "Updating instance web/" + id + " (1)")).containsExactly("Stopping instance", "Deleting VM", "Creating VM", "Starting instance");
    assertThat(vmCidOf(1)).isNotEqualTo(before);
    assertThat(vmCidOf(0)).as("the other instance is not touched").isEqualTo(other);
    assertThat(cli.get("/events?instance=" + URLEncoder.encode("web/" + id, StandardCharsets.UTF_8)).array())
        .extracting(event -> event.get("action")).contains("recreate", "stop", "start");
  }

  @Test
  @Order(6)
  void hardStopWithoutConvergingDetachesAndStartMakesTheVmAgain() {
    String id = idOf(1);

    Outcome stop = tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/1/actions/stop?hard=true", Map.of(), new byte[0]));

    assertThat(stop.task()).as("events: %s", stop.events()).containsEntry("state", "done").containsEntry("description", "stop instance");
    assertThat(finishedSteps(stop, "Updating instance web/" + id + " (1)")).containsExactly("Stopping instance", "Deleting VM");
    assertThat(stateOf(1)).isEqualTo("detached");

    Outcome start = tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/actions/start", Map.of(), new byte[0]));

    assertThat(start.task()).as("events: %s", start.events()).containsEntry("state", "done").containsEntry("description", "start instance");
    assertThat(finishedSteps(start, "Updating instance web/" + id + " (1)")).containsExactly("Creating VM", "Starting instance");
    assertThat(stateOf(1)).isEqualTo("started");

    Outcome again = tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/actions/start", Map.of(), new byte[0]));

    assertThat(again.task()).containsEntry("state", "done");
    assertThat(again.events()).as("a running instance has nothing to start").isEmpty();
  }

  @Test
  @Order(7)
  void logsIsATaskWhoseResultIsABlobTheCliDownloads() throws IOException {
    Outcome logs = tasks.follow(cli.get("/deployments/conv/jobs/web/0/logs?type=job"));

    assertThat(logs.task()).containsEntry("state", "done").containsEntry("description", "fetch logs");
    Response blob = cli.get("/resources/" + logs.task().get("result")); // the CLI reads the task's result field
    assertThat(blob.status()).isEqualTo(200);
    assertThat(blob.body()).startsWith(0x1f, 0x8b);

    Outcome all = tasks.follow(cli.get("/deployments/conv/jobs/*/*/logs?type=job")); // bosh logs without an instance

    assertThat(all.task()).as("events: %s", all.events()).containsEntry("state", "done");
    assertThat(all.events()).extracting(event -> event.get("stage")).contains("Fetching logs for web/" + idOf(0) + " (0)", "Fetching logs for web/" + idOf(1) + " (1)", "Fetching group of logs");
    assertThat(tgzEntries(cli.get("/resources/" + all.task().get("result")).body())).hasSize(2)
        .allSatisfy(entry -> assertThat(entry).matches("\\./web\\.[0-9a-f-]{36}\\.\\d{4}-\\d{2}-\\d{2}-\\d{2}-\\d{2}-\\d{2}\\.tgz"));
  }

  private static List<String> tgzEntries(byte[] tgz) throws IOException {
    List<String> names = new ArrayList<>();
    try (TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(new ByteArrayInputStream(tgz)))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          names.add(entry.getName());
        }
      }
    }
    return names;
  }

  /** Lazarus's extension behind {@code lazarus logs --follow}, where the bosh CLI uses ssh and tail. */
  @Test
  @Order(8)
  @SuppressWarnings("unchecked")
  void logTailAnswersWhatTheAgentsJobLogsGainedSinceTheLastPositions() {
    String id = idOf(0);

    Response first = cli.send("POST", "/deployments/conv/instance_groups/web/0/logs/tail", Map.of("Content-Type", "application/json"), bytes("{\"lines\":1}"));

    assertThat(first.status()).as(first.text()).isEqualTo(200);
    assertThat(first.object()).containsEntry("instance", "web/" + id).containsEntry("more", false);
    Map<String, Object> file = ((List<Map<String, Object>>) first.object().get("files")).getFirst();
    assertThat(file).containsEntry("path", "jobs.log").containsEntry("data", "started web\n");

    tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/actions/restart", Map.of(), new byte[0]));
    String positions = Json.write(Map.of("jobs.log", Map.of("offset", file.get("next_offset"), "file_id", file.get("file_id"))));
    Response next = cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/logs/tail", Map.of("Content-Type", "application/json"),
        bytes("{\"positions\":" + positions + "}"));

    assertThat(((List<Map<String, Object>>) next.object().get("files")).getFirst()).containsEntry("data", "stopped web\nstarted web\n");
    Response bad = cli.send("POST", "/deployments/conv/instance_groups/web/0/logs/tail", Map.of("Content-Type", "application/json"), bytes("{\"lines\":-1}"));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.object()).containsEntry("code", 40005).containsEntry("description", "field 'lines' must be a whole number from 0 to 10000");
    assertThat(cli.send("POST", "/deployments/conv/instance_groups/web/7/logs/tail", Map.of("Content-Type", "application/json"), bytes("{}")).object())
        .containsEntry("description", "'conv/web/7' doesn't exist");
  }

  @Test
  @Order(9)
  void ignoreIsShownInTheInstancesResult() {
    String id = (String) resultLines(tasks.follow(cli.get("/deployments/conv/instances?format=full"))).getFirst().get("id");

    Response ignore = cli.send("PUT", "/deployments/conv/instance_groups/web/" + id + "/ignore", Map.of("Content-Type", "application/json"), bytes("{\"ignore\":true}"));

    assertThat(ignore.status()).isEqualTo(200);
    assertThat(resultLines(tasks.follow(cli.get("/deployments/conv/instances?format=full"))))
        .filteredOn(line -> line.get("id").equals(id)).singleElement().satisfies(line -> assertThat(line.get("ignore")).isEqualTo(true));

    Outcome stop = tasks.follow(cli.send("POST", "/deployments/conv/instance_groups/web/" + id + "/actions/stop", Map.of(), new byte[0]));

    assertThat(stop.task()).containsEntry("state", "error").containsEntry("result",
        "You are trying to change the state of the ignored instance 'web/" + id + "'.This operation is not allowed. You need to unignore it first.");
  }

  @Test
  @Order(10)
  @SuppressWarnings("unchecked")
  void cckScansListsProblemsAndAppliesTheChosenResolutions() throws Exception {
    Map<String, Object> notIgnored = resultLines(tasks.follow(cli.get("/deployments/conv/vms?format=full"))).stream()
        .filter(line -> Boolean.FALSE.equals(line.get("ignore"))).findFirst().orElseThrow();
    String cid = notIgnored.get("vm_cid").toString();
    int index = ((Number) notIgnored.get("index")).intValue();
    ((DummyCpi) director.services().cpi()).deleteVm(cid);

    Outcome scan = tasks.follow(cli.send("POST", "/deployments/conv/scans", Map.of("Content-Type", "application/json"), new byte[0]));
    Response problems = cli.get("/deployments/conv/problems");

    assertThat(scan.task()).containsEntry("description", "scan cloud").containsEntry("state", "done");
    assertThat(problems.array()).singleElement().satisfies(problem -> {
      assertThat(problem.get("type")).isEqualTo("missing_vm");
      assertThat(problem.get("id")).isInstanceOf(Integer.class);
      assertThat((String) problem.get("description")).contains("with cloud ID '" + cid + "' missing.");
      assertThat((List<Map<String, Object>>) problem.get("resolutions")).extracting(r -> r.get("name"))
          .containsExactly("ignore", "recreate_vm_without_wait", "recreate_vm", "delete_vm_reference");
    });
    String id = problems.array().getFirst().get("id").toString();

    Outcome apply = tasks.follow(cli.send("PUT", "/deployments/conv/problems", Map.of("Content-Type", "application/json"),
        bytes("{\"resolutions\":{\"" + id + "\":\"recreate_vm\"}}")));

    assertThat(apply.task()).as("events: %s", apply.events()).containsEntry("description", "apply resolutions").containsEntry("state", "done");
    assertThat(vmCidOf(index)).isNotEqualTo(cid);
  }

  @Test
  @Order(11)
  void deployOptionsSkipDrainAndOverrideTheUpdateBlock() {
    Map<String, Object> notIgnored = resultLines(tasks.follow(cli.get("/deployments/conv/vms?format=full"))).stream()
        .filter(line -> Boolean.FALSE.equals(line.get("ignore"))).findFirst().orElseThrow();
    String cid = notIgnored.get("vm_cid").toString();
    ((DummyCpi) director.services().cpi()).agentFor(cid).failNext("drain", "drain ran although the deploy said skip_drain");

    Outcome deploy = tasks.follow(cli.send("POST", "/deployments?canaries=2&max_in_flight=1&recreate=true&skip_drain=web", Map.of("Content-Type", YAML), bytes(MANIFEST)));

    assertThat(deploy.task()).as("events: %s", deploy.events()).containsEntry("state", "done");
    assertThat(vmCidOf(((Number) notIgnored.get("index")).intValue())).isNotEqualTo(cid);
    assertThat(finishedSteps(deploy, "Updating instance")).isNotEmpty().allSatisfy(step -> assertThat(step.toString()).endsWith("(canary)"));
  }

  @Test
  @Order(12)
  void badDeployOptionsAreRefusedBeforeAnyTask() {
    Response canaries = cli.send("POST", "/deployments?canaries=many", Map.of("Content-Type", YAML), bytes(MANIFEST));
    Response skipDrain = cli.send("POST", "/deployments?skip_drain=web/0/1", Map.of("Content-Type", YAML), bytes(MANIFEST));

    assertThat(canaries.status()).isEqualTo(400);
    assertThat(canaries.object().get("description").toString()).startsWith("query parameter 'canaries': ");
    assertThat(skipDrain.status()).isEqualTo(400);
    assertThat(skipDrain.object().get("description").toString()).startsWith("query parameter 'skip_drain': ");
  }

  /** The steps of {@code stage} that finished, in order. */
  private static List<Object> finishedSteps(Outcome outcome, String stage) {
    return outcome.events().stream().filter(event -> stage.equals(event.get("stage")) && "finished".equals(event.get("state"))).map(event -> event.get("task")).toList();
  }

  private static String idOf(int index) {
    return instanceLine(index).get("id").toString();
  }

  private static String stateOf(int index) {
    return instanceLine(index).get("state").toString();
  }

  private static Map<String, Object> instanceLine(int index) {
    return resultLines(tasks.follow(cli.get("/deployments/conv/instances?format=full"))).stream()
        .filter(line -> ((Number) line.get("index")).intValue() == index).findFirst().orElseThrow();
  }

  private static String vmCidOf(int index) {
    return resultLines(tasks.follow(cli.get("/deployments/conv/vms?format=full"))).stream()
        .filter(line -> ((Number) line.get("index")).intValue() == index).findFirst().orElseThrow().get("vm_cid").toString();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> resultLines(Outcome outcome) {
    return Arrays.stream(outcome.result().split("\n")).filter(line -> !line.isBlank()).map(line -> (Map<String, Object>) Json.read(line, Map.class)).toList();
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
