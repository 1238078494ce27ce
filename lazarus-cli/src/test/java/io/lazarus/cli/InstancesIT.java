package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code instances}, {@code vms}, {@code ignore} as the bosh CLI prints and sends them. */
class InstancesIT extends FakeDirectorCase {
  private static final String WEB = """
      {"vm_cid":"vm-1","active":true,"vm_created_at":"2026-11-18T11:00:00Z","disk_cids":[],"ips":["127.10.0.11"],
       "agent_id":"a-1","job_name":"web","index":0,"id":"6a3f","az":"z1","bootstrap":true,"ignore":false,
       "job_state":"running","state":"started","vm_type":"default",
       "vitals":{"load":["0.09","0.04","0.01"],"cpu":{"user":"1.0","sys":"0.5","wait":"0.0"},
                 "mem":{"kb":"204800","percent":"5"},"swap":{"kb":"0","percent":"0"},"uptime":{"secs":3725},
                 "disk":{"system":{"percent":"40","inode_percent":"10"}}},
       "processes":[{"name":"web","state":"running","uptime":{"secs":60},"mem":{"kb":2048,"percent":0.1},"cpu":{"total":0.5}}],
       "stemcell":{"name":"bosh-lazarus-local","version":"0.1.0","api_version":3}}""".replace("\n", "");
  private static final String COUNTER = """
      {"vm_cid":null,"active":false,"disk_cid":"disk-1","disk_cids":["disk-1"],"ips":[],"agent_id":null,
       "job_name":"counter","index":0,"id":"9b1c","az":"z1","bootstrap":true,"ignore":true,"job_state":null,
       "state":"detached","processes":[]}""".replace("\n", "");

  @Test
  void instancesWithProcesses() {
    director.taskFor("GET", "/deployments/demo/instances", "retrieve vm-stats").output("result", WEB + "\n" + COUNTER + "\n");

    CliRun.Result result = cli.run("instances", "-d", "demo", "--ps");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).contains("Task ").contains(". Done").endsWith("""
        Deployment 'demo'

        Instance      Process  Process State  AZ  IPs
        counter/9b1c  -        -              z1  -
        web/6a3f      -        running        z1  127.10.0.11
        ~             web      running        -   -

        2 instances

        Succeeded
        """);
  }

  @Test
  void failingShowsOnlyInstancesAndProcessesNotRunning() {
    String failingWorker = WEB.replace("\"id\":\"6a3f\"", "\"id\":\"7c2d\"").replace("\"index\":0", "\"index\":1")
        .replace("\"job_state\":\"running\"", "\"job_state\":\"failing\"")
        .replace("\"processes\":[", "\"processes\":[{\"name\":\"worker\",\"state\":\"failing\"},");
    director.taskFor("GET", "/deployments/demo/instances", "retrieve vm-stats").output("result", WEB + "\n" + COUNTER + "\n" + failingWorker + "\n");

    CliRun.Result result = cli.run("instances", "-d", "demo", "--ps", "--failing");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).endsWith("""
        Deployment 'demo'

        Instance      Process  Process State  AZ  IPs
        counter/9b1c  -        -              z1  -
        web/7c2d      -        failing        z1  127.10.0.11
        ~             worker   failing        -   -

        2 instances

        Succeeded
        """);
  }

  @Test
  void instancesWithDetailsAndVitals() {
    director.taskFor("GET", "/deployments/demo/instances", "retrieve vm-stats").output("result", WEB + "\n");

    CliRun.Result result = cli.run("instances", "-d", "demo", "--details", "--vitals");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out())
        .contains("VM CID").contains("vm-1").contains("a-1").contains("true")
        .contains("0d 1h 2m 5s").contains("0.09, 0.04, 0.01").contains("5% (200.0 MB)").contains("40% (10i%)");
  }

  @Test
  void vmsOfEveryDeployment() {
    director.answer("GET", "/deployments", 200, "[{\"name\":\"demo\",\"releases\":[],\"stemcells\":[],\"teams\":[]}]");
    director.taskFor("GET", "/deployments/demo/vms", "retrieve vm-stats").output("result", WEB + "\n");

    CliRun.Result result = cli.run("vms");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).endsWith("""
        Deployment 'demo'

        Instance  Process State  AZ  IPs          VM CID  VM Type  Active  Stemcell
        web/6a3f  running        z1  127.10.0.11  vm-1    default  true    bosh-lazarus-local/0.1.0

        1 vms

        Succeeded
        """);
  }

  @Test
  void vmsWithCloudProperties() {
    director.taskFor("GET", "/deployments/demo/vms", "retrieve vm-stats")
        .output("result", WEB.replace("\"vm_type\":\"default\"", "\"vm_type\":\"default\",\"cloud_properties\":{\"zone\":\"a\",\"instance_type\":\"m1.small\"}") + "\n");

    CliRun.Result result = cli.run("vms", "-d", "demo", "--cloud-properties");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).contains("Cloud Properties").containsPattern("bosh-lazarus-local/0.1.0 +instance_type: m1.small\\n +zone: a\\n");
  }

  @Test
  void ignoreSendsTheFlag() {
    director.answer("PUT", "/deployments/demo/instance_groups/web/6a3f/ignore", 200, "");

    CliRun.Result result = cli.run("ignore", "web/6a3f", "-d", "demo");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("PUT", "/deployments/demo/instance_groups/web/6a3f/ignore").getFirst().bodyText()).isEqualTo("{\"ignore\":true}");
  }

  @Test
  void aMalformedInstanceIsNamed() {
    CliRun.Result result = cli.run("unignore", "web", "-d", "demo");

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.err()).contains("Expected instance to be in format 'name/id', got 'web'");
  }
}
