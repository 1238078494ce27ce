package io.lazarus.director.cloudcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.testing.ApiClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Cloud check and scan-and-fix against a real Director on the dummy CPI (bosh-behaviour.md §5). */
class CloudCheckIT {
  private static final String JSON = "application/json";

  @TempDir Path dir;

  @Test
  @SuppressWarnings("unchecked")
  void aFullScanReportsSilentAndLostVmsAndTheChosenResolutionsApply() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      cc.agent("web", 0).silence();
      String lostIp = cc.vm("web", 1).mbusUrl().getHost();
      String lostCid = cc.vm("web", 1).cid();
      cc.loseVm("web", 1);

      Map<String, Object> scan = Tasks.done(api, api.post("/deployments/cc/scans", JSON, ""));
      assertThat(scan).containsEntry("description", "scan cloud").containsEntry("result", "scan complete");
      String events = Tasks.eventLog(api, scan);
      assertThat(events).contains("\"stage\":\"Scanning 3 VMs\"", "\"task\":\"Checking VM states\"", "\"task\":\"1 OK, 1 unresponsive, 1 missing, 0 unbound\"",
          "\"stage\":\"Scanning 1 persistent disks\"", "\"task\":\"Looking for inactive disks\"", "\"task\":\"1 OK, 0 missing, 0 inactive, 0 mount-info mismatch\"");

      List<Map<String, Object>> problems = api.jsonArray(api.get("/deployments/cc/problems"));
      assertThat(problems).extracting(p -> p.get("type")).containsExactlyInAnyOrder("unresponsive_agent", "missing_vm");
      Map<String, Object> missing = problems.stream().filter(p -> p.get("type").equals("missing_vm")).findFirst().orElseThrow();
      Map<String, Object> silent = problems.stream().filter(p -> p.get("type").equals("unresponsive_agent")).findFirst().orElseThrow();
      assertThat(missing.get("description")).isEqualTo("VM for '" + cc.instance("web", 1).name() + " (1)' with cloud ID '" + lostCid + "' missing.");
      assertThat(silent.get("description")).isEqualTo("VM for '" + cc.instance("web", 0).name() + " (0)' with cloud ID '" + cc.vm("web", 0).cid() + "' is not responding.");
      assertThat(missing).containsEntry("instance_group", "web");
      assertThat((List<Object>) missing.get("resolutions")).contains(Map.of("name", "recreate_vm", "plan", "Recreate VM and wait for processes to start"));

      // A rescan sees the same problems again: still two open, counted twice.
      Tasks.done(api, api.post("/deployments/cc/scans", JSON, ""));
      assertThat(api.jsonArray(api.get("/deployments/cc/problems"))).hasSize(2);
      problems = api.jsonArray(api.get("/deployments/cc/problems"));
      missing = problems.stream().filter(p -> p.get("type").equals("missing_vm")).findFirst().orElseThrow();
      silent = problems.stream().filter(p -> p.get("type").equals("unresponsive_agent")).findFirst().orElseThrow();

      Map<String, Object> resolutions = new HashMap<>();
      resolutions.put(String.valueOf(missing.get("id")), "recreate_vm");
      resolutions.put(String.valueOf(silent.get("id")), null); // auto: an unresponsive agent is ignored
      Map<String, Object> apply = Tasks.done(api, api.put("/deployments/cc/problems", JSON, Json.write(Map.of("resolutions", resolutions))));
      assertThat(apply).containsEntry("description", "apply resolutions").containsEntry("result", "2 resolved");
      assertThat(Tasks.eventLog(api, apply)).contains("\"stage\":\"Applying problem resolutions\"",
          "with cloud ID '" + lostCid + "' missing. (missing_vm " + cc.instance("web", 1).id() + "): Recreate VM and wait for processes to start",
          "is not responding. (unresponsive_agent " + cc.instance("web", 0).id() + "): Skip for now");

      Vm recreated = cc.vm("web", 1);
      assertThat(recreated.cid()).isNotEqualTo(lostCid);
      assertThat(recreated.mbusUrl().getHost()).isEqualTo(lostIp);
      assertThat(cc.agent("web", 1).jobsRunning()).isTrue();
      assertThat(api.jsonArray(api.get("/deployments/cc/problems"))).isEmpty();
    }
  }

  @Test
  void scanAndFixRecreatesLostAndSilentVmsTogetherWithTheirAddressesAndDiskDeletingEachOldVmFirst() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      Vm silentDb = cc.vm("db", 0);
      String diskCid = cc.disk("db", 0).cid();
      cc.agent("db", 0).silence();
      Vm lostWeb = cc.vm("web", 0);
      cc.loseVm("web", 0);
      Vm silentWeb = cc.vm("web", 1);
      cc.agent("web", 1).silence();
      // web (max_in_flight 2) and db are not serial: their three VMs are created at once, or a lone create_vm waits in vain and fails.
      cc.cpi().meetNext("create_vm", 3, Duration.ofSeconds(20));

      Map<String, Object> task = Tasks.done(api, api.put("/deployments/cc/scan_and_fix", JSON,
          "{\"jobs\":{\"web\":[0,1],\"db\":[\"" + cc.instance("db", 0).uuid() + "\"]}}"));

      assertThat(task).containsEntry("description", "scan and fix").containsEntry("result", "scan and fix complete");
      String recreate = "Recreate VM and wait for processes to start";
      assertThat(Tasks.eventLog(api, task)).contains("\"stage\":\"Scanning 3 VMs\"", "0 OK, 2 unresponsive, 1 missing, 0 unbound",
              "\"stage\":\"Applying problem resolutions\",\"tags\":[],\"total\":3",
              "VM for '" + cc.instance("web", 0).name() + " (0)' with cloud ID '" + lostWeb.cid() + "' missing. (missing_vm " + cc.instance("web", 0).id() + "): " + recreate,
              "VM for '" + cc.instance("web", 1).name() + " (1)' with cloud ID '" + silentWeb.cid() + "' is not responding. (unresponsive_agent "
                  + cc.instance("web", 1).id() + "): " + recreate,
              "VM for '" + cc.instance("db", 0).name() + " (0)' with cloud ID '" + silentDb.cid() + "' is not responding. (unresponsive_agent "
                  + cc.instance("db", 0).id() + "): " + recreate)
          .doesNotContain("persistent disks");
      // Fenced: each old VM is gone (the dummy cloud refuses a second VM on an address in use, so deletes came first).
      assertThat(cc.cpi().vmCids()).doesNotContain(silentDb.cid(), silentWeb.cid(), lostWeb.cid()).hasSize(3);
      Vm newDb = cc.vm("db", 0);
      assertThat(newDb.mbusUrl().getHost()).isEqualTo(silentDb.mbusUrl().getHost());
      assertThat(cc.agent("db", 0).mountedDisks()).containsExactly(diskCid);
      assertThat(cc.agent("db", 0).jobsRunning()).isTrue();
      assertThat(cc.vm("web", 0).mbusUrl().getHost()).isEqualTo(lostWeb.mbusUrl().getHost());
      assertThat(cc.vm("web", 1).mbusUrl().getHost()).isEqualTo(silentWeb.mbusUrl().getHost());
      assertThat(cc.agent("web", 0).jobsRunning()).isTrue();
      assertThat(cc.agent("web", 1).jobsRunning()).isTrue();
    }
  }

  @Test
  void rebootAndTheDiskResolutionsActOnTheVmTheAgentAndTheDiskAsBoshDoes() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      Instance db = cc.instance("db", 0);
      String vm = cc.vm("db", 0).cid();
      PersistentDisk disk = cc.disk("db", 0);

      // unresponsive_agent, reboot_vm: the same VM answers again, its disk mounted by its agent at boot.
      cc.agent("db", 0).silence();
      Map<String, Object> silent = onlyProblem(api, "2 OK, 1 unresponsive, 0 missing, 0 unbound");
      assertThat(resolve(api, silent, "reboot_vm")).contains("is not responding. (unresponsive_agent " + db.id() + "): Reboot VM");
      assertThat(cc.vm("db", 0).cid()).isEqualTo(vm);
      assertThat(cc.agent("db", 0).answering()).isTrue();
      assertThat(cc.agent("db", 0).mountedDisks()).containsExactly(disk.cid());

      // mount_info_mismatch: the disk was detached behind the Director's back; reattach_disk mounts it again.
      cc.cpi().detachDisk(vm, disk.cid());
      Map<String, Object> mismatch = onlyProblem(api, "0 OK, 0 missing, 0 inactive, 1 mount-info mismatch");
      assertThat(mismatch.get("description")).isEqualTo("Inconsistent mount information:\nRecord shows that disk '" + disk.cid() + "' should be mounted on " + vm
          + ".\nHowever it is currently :\n\tNot mounted in any VM");
      assertThat(resolve(api, mismatch, "reattach_disk")).contains("(mount_info_mismatch " + disk.id() + "): Reattach disk to instance");
      assertThat(cc.agent("db", 0).mountedDisks()).containsExactly(disk.cid());
      onlyProblem(api, "1 OK, 0 missing, 0 inactive, 0 mount-info mismatch", 0);

      // ... and reattach_disk_and_reboot, whose agent mounts it when the VM boots.
      cc.cpi().detachDisk(vm, disk.cid());
      assertThat(resolve(api, onlyProblem(api, "1 mount-info mismatch"), "reattach_disk_and_reboot")).contains("): Reattach disk and reboot instance");
      assertThat(cc.agent("db", 0).mountedDisks()).containsExactly(disk.cid());
      assertThat(cc.vm("db", 0).cid()).isEqualTo(vm);

      // inactive_disk: delete_disk refuses the mounted disk and orphans an unmounted leftover; activate_disk takes the mounted one back.
      cc.cloudCheck().disks().deactivate(disk.id());
      String leftoverCid = cc.cpi().createDisk(512, Map.of(), vm);
      PersistentDisk leftover = cc.cloudCheck().disks().create(db.id(), leftoverCid, 512, Map.of(), false, disk.cpi());
      List<Map<String, Object>> inactive = onlyProblem(api, "0 OK, 0 missing, 2 inactive, 0 mount-info mismatch", 2);
      Map<String, Object> mounted = about(inactive, disk.cid());
      assertThat(mounted.get("description")).isEqualTo("Disk '" + disk.cid() + "' (1024M) for instance '" + db.name() + " (0)' is inactive");
      Map<String, Object> resolutions = Map.of(String.valueOf(mounted.get("id")), "delete_disk", String.valueOf(about(inactive, leftoverCid).get("id")), "delete_disk");
      assertThat(Tasks.failed(api, api.put("/deployments/cc/problems", JSON, Json.write(Map.of("resolutions", resolutions)))))
          .isEqualTo("Error resolving problem '" + mounted.get("id") + "': Disk is currently in use");
      assertThat(cc.cloudCheck().disks().forInstance(db.id())).extracting(PersistentDisk::cid).containsExactly(disk.cid());
      assertThat(cc.cloudCheck().orphans().list()).extracting(OrphanDisks.OrphanDisk::cid).containsExactly(leftoverCid);
      assertThat(resolve(api, onlyProblem(api, "0 OK, 0 missing, 1 inactive, 0 mount-info mismatch"), "activate_disk")).contains("): Activate disk");
      assertThat(cc.disk("db", 0).id()).isEqualTo(disk.id());

      // missing_disk: the cloud lost the mounted disk; delete_disk_reference unmounts it and lets go of it.
      cc.cpi().loseDisk(disk.cid());
      Map<String, Object> missing = onlyProblem(api, "0 OK, 1 missing, 0 inactive, 0 mount-info mismatch");
      assertThat(missing.get("description")).isEqualTo("Disk '" + disk.cid() + "' (" + db.name() + ", 1024M) is missing");
      assertThat(resolve(api, missing, "delete_disk_reference")).contains("(missing_disk " + disk.id() + "): Delete disk reference (DANGEROUS!)");
      assertThat(cc.agent("db", 0).mountedDisks()).isEmpty();
      assertThat(cc.cloudCheck().disks().forInstance(db.id())).isEmpty();
      assertThat(cc.cloudCheck().orphans().list()).extracting(OrphanDisks.OrphanDisk::cid).containsExactly(leftoverCid, disk.cid());
      onlyProblem(api, "Scanning 0 persistent disks", 0);
    }
  }

  /** Runs a full scan, checks its event log shows {@code summary}, and returns the one open problem. */
  private static Map<String, Object> onlyProblem(ApiClient api, String summary) {
    return onlyProblem(api, summary, 1).getFirst();
  }

  private static List<Map<String, Object>> onlyProblem(ApiClient api, String summary, int count) {
    Map<String, Object> scan = Tasks.done(api, api.post("/deployments/cc/scans", JSON, ""));
    assertThat(Tasks.eventLog(api, scan)).contains(summary);
    List<Map<String, Object>> problems = api.jsonArray(api.get("/deployments/cc/problems"));
    assertThat(problems).hasSize(count);
    return problems;
  }

  /** Applies {@code resolution} to {@code problem}, expecting "1 resolved"; returns the task's event log. */
  private static String resolve(ApiClient api, Map<String, Object> problem, String resolution) {
    Map<String, Object> task = Tasks.done(api, api.put("/deployments/cc/problems", JSON, "{\"resolutions\":{\"" + problem.get("id") + "\":\"" + resolution + "\"}}"));
    assertThat(task).containsEntry("result", "1 resolved");
    return Tasks.eventLog(api, task);
  }

  /** The problem whose description names {@code cid}. */
  private static Map<String, Object> about(List<Map<String, Object>> problems, String cid) {
    return problems.stream().filter(p -> String.valueOf(p.get("description")).contains("'" + cid + "'")).findFirst().orElseThrow();
  }

  @Test
  void scanAndFixChecksTheDeploymentThePauseAndTheInstancesInBoshsOrder() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      String body = "{\"jobs\":{\"web\":[0]}}";
      var pause = cc.director().services().resurrectionPause();

      assertError(api.put("/deployments/nope/scan_and_fix", JSON, body), 404, 70000, "Deployment 'nope' doesn't exist");
      pause.set(true, Optional.empty());
      assertError(api.put("/deployments/cc/scan_and_fix", JSON, body), 400, 410004, "Resurrector is paused");
      pause.set(true, Optional.of(cc.director().services().clock().instant().minusSeconds(1))); // a timed pause that ran out
      assertThat(Tasks.done(api, api.put("/deployments/cc/scan_and_fix", JSON, body))).containsEntry("description", "scan and fix");
      pause.set(false, Optional.empty());

      api.put("/deployments/cc/instance_groups/web/" + cc.instance("web", 0).uuid() + "/ignore", JSON, "{\"ignore\":true}");
      assertError(api.put("/deployments/cc/scan_and_fix", JSON, body), 404, 70001, null);
      assertError(api.put("/deployments/cc/scan_and_fix", JSON, "{\"jobs\":{\"web\":[7]}}"), 404, 70001, null);
      assertError(api.put("/deployments/cc/scan_and_fix", "text/plain", body), 404, 100002, "Endpoint '/deployments/cc/scan_and_fix' not found");
      assertError(api.post("/deployments/cc/scans", "text/plain", ""), 404, 100002, null);
      assertError(api.put("/deployments/cc/problems", JSON, "{\"resolutions\":[1]}"), 400, 410003, null);
    }
  }

  @Test
  void ignoredInstancesAreCountedNotScannedAndNotFixed() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      cc.agent("web", 0).silence();
      cc.agent("web", 1).silence();
      api.put("/deployments/cc/instance_groups/web/" + cc.instance("web", 0).uuid() + "/ignore", JSON, "{\"ignore\":true}");

      Map<String, Object> scan = Tasks.done(api, api.post("/deployments/cc/scans", JSON, ""));
      assertThat(Tasks.eventLog(api, scan)).contains("1 OK, 1 unresponsive, 0 missing, 0 unbound, 1 ignored");

      String before = cc.vm("web", 0).cid();
      Map<String, Object> fix = Tasks.done(api, api.put("/deployments/cc/scan_and_fix", JSON, "{\"jobs\":{\"web\":[0,1]}}"));
      assertThat(Tasks.eventLog(api, fix)).contains("0 OK, 1 unresponsive, 0 missing, 0 unbound, 1 ignored");
      assertThat(cc.vm("web", 0).cid()).isEqualTo(before);
      assertThat(cc.agent("web", 1).answering()).isTrue(); // recreated
    }
  }

  @Test
  void aResolutionForAnAgentThatAnswersAgainIsSkippedAndFailsTheTask() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir)) {
      ApiClient api = cc.api();
      cc.agent("web", 0).silence();
      Tasks.done(api, api.post("/deployments/cc/scans", JSON, ""));
      Map<String, Object> problem = api.jsonArray(api.get("/deployments/cc/problems")).getFirst();
      cc.agent("web", 0).answerAgain();

      String error = Tasks.failed(api, api.put("/deployments/cc/problems", JSON, "{\"resolutions\":{\"" + problem.get("id") + "\":\"recreate_vm\"}}"));

      assertThat(error).isEqualTo("Error resolving problem '" + problem.get("id") + "': Agent is responding now, skipping resolution");
      assertThat(api.jsonArray(api.get("/deployments/cc/problems"))).isEmpty(); // resolved, even so
    }
  }

  @Test
  void aScanOrScanAndFixDoesNotWaitForTheDeploymentLock() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir);
        Lock held = cc.director().services().locks().acquire(Locks.deploymentLock("cc"), null, Duration.ZERO)) {
      ApiClient api = cc.api();
      String message = "Unable to get deployment lock, maybe a deployment is in progress. Try again later.";
      assertThat(Tasks.failed(api, api.post("/deployments/cc/scans", JSON, ""))).isEqualTo(message);
      assertThat(Tasks.failed(api, api.put("/deployments/cc/scan_and_fix", JSON, "{\"jobs\":{\"web\":[0]}}"))).isEqualTo(message);
    }
  }

  @Test
  void statefulInstancesAreLeftAloneWhenTheDirectorSaysSo() throws Exception {
    try (DummyDeployment cc = DummyDeployment.start(dir, "scan_and_fix: {auto_fix_stateful_nodes: false}\n")) {
      ApiClient api = cc.api();
      assertThat(api.jsonObject(api.get("/resurrection"))).as("the setting the Health Monitor reads").containsEntry("auto_fix_stateful_nodes", false);
      String before = cc.vm("db", 0).cid();
      cc.agent("db", 0).silence();

      Map<String, Object> fix = Tasks.done(api, api.put("/deployments/cc/scan_and_fix", JSON, "{\"jobs\":{\"db\":[0]}}"));

      assertThat(Tasks.eventLog(api, fix)).contains("\"stage\":\"Scanning 0 VMs\"");
      assertThat(cc.vm("db", 0).cid()).isEqualTo(before);
    }
  }

  private static void assertError(HttpResponse<String> response, int status, int code, String description) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    Map<?, ?> body = Json.read(response.body(), Map.class);
    assertThat(body.get("code")).isEqualTo(code);
    if (description != null) {
      assertThat(body.get("description")).isEqualTo(description);
    }
  }
}
