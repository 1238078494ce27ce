package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import org.junit.jupiter.api.Test;

/** {@code clean-up [--all] [--dry-run]} as the bosh CLI sends it and prints it. */
class CleanUpIT extends FakeDirectorCase {
  private static final String DRY_RUN = """
      {"releases":[{"name":"shop","versions":["2","1"]}],
       "stemcells":[{"name":"cell","operating_system":"ubuntu","version":"3","cid":"sc-3","cpi":"dummy","deployments":[]}],
       "compiled_packages":[],
       "orphaned_disks":[{"disk_cid":"disk-old","size":1024,"az":"z1","deployment_name":"shop","instance_name":"db/5e1f",
         "cloud_properties":{},"orphaned_at":"2026-11-18 11:00:00 UTC"}],
       "orphaned_vms":[],"exported_releases":[],"dns_blobs":[]}""";

  @Test
  void cleanUpAllAsksThenSendsBoshsConfigAndFollowsTheTask() {
    director.taskFor("POST", "/cleanup", "clean up all")
        .step(1795000000, "Deleting releases", "shop/1", "started", null)
        .step(1795000001, "Deleting releases", "shop/1", "finished", null)
        .result("Deleted 1 release(s), 0 stemcell(s), 0 extra compiled package(s), 0 orphaned disk(s), 0 orphaned vm(s), 0 exported release(s)");

    CliRun.Result result = cli.stdin("y\n").run("clean-up", "--all");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Continue? [yN]: ").contains("Deleting releases: shop/1").endsWith("Succeeded\n");
    assertThat(director.requests("POST", "/cleanup")).singleElement().satisfies(request -> {
      assertThat(request.bodyText()).isEqualTo("{\"config\":{\"keep_orphaned_disks\":false,\"remove_all\":true}}");
      assertThat(request.header("Content-Type")).isEqualTo("application/json");
    });
  }

  @Test
  void declinedCleanUpSendsNothing() {
    director.taskFor("POST", "/cleanup", "clean up");

    CliRun.Result result = cli.stdin("n\n").run("clean-up");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Stopped\n");
    assertThat(director.requests("POST", "/cleanup")).isEmpty();
  }

  @Test
  void dryRunAsksNothingAndPrintsWhatWouldGo() {
    director.answer("GET", "/cleanup/dryrun", 200, DRY_RUN);

    CliRun.Result result = cli.run("clean-up", "--dry-run", "--keep-orphaned-disks");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).doesNotContain("Continue?").contains("""
        Unused Releases

        Name  Version
        shop  2
        ~     1

        2 releases
        """).contains("""
        Unused Stemcells

        Name  Version
        cell  3
        """).contains("""
        Orphaned Disks

        Disk CID  Deployment  Instance  Size (mb)
        disk-old  shop        db/5e1f   1024

        1 orphaned disks
        Orphaned VMs
        """).endsWith("Succeeded\n");
    assertThat(director.requests("GET", "/cleanup")).extracting(FakeDirector.Recorded::uri).containsExactly("/cleanup/dryrun?keep_orphaned_disks=true&remove_all=false");
    assertThat(director.requests("POST", "/cleanup")).isEmpty();
  }
}
