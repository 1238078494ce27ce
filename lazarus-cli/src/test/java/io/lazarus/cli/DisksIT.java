package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import org.junit.jupiter.api.Test;

/** {@code disks --orphaned} and {@code delete-disk} as the bosh CLI prints and sends them. */
class DisksIT extends FakeDirectorCase {
  private static final String ORPHANS = """
      [{"disk_cid":"disk-old","size":1024,"az":"z1","deployment_name":"shop","instance_name":"db/5e1f",
        "cloud_properties":{},"orphaned_at":"2026-11-18 11:00:00 UTC"},
       {"disk_cid":"disk-new","size":10240,"az":null,"deployment_name":"shop","instance_name":"web/7c2d",
        "cloud_properties":{"type":"ssd"},"orphaned_at":"2026-11-20 09:30:00 +0000"},
       {"disk_cid":"disk-mid","size":512,"az":"z2","deployment_name":"blog","instance_name":"app/1a2b",
        "cloud_properties":{},"orphaned_at":"2026-11-19T08:00:00Z"}]""";

  @Test
  void orphanedDisksNewestFirstWithHumanSizes() {
    director.answer("GET", "/disks", 200, ORPHANS);

    CliRun.Result result = cli.run("disks", "-o");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.outTrimmed()).endsWith("""
        Disk CID  Size     Deployment  Instance  AZ  Orphaned At
        disk-new  10 GiB   shop        web/7c2d  -   Fri Nov 20 09:30:00 UTC 2026
        disk-mid  512 MiB  blog        app/1a2b  z2  Thu Nov 19 08:00:00 UTC 2026
        disk-old  1.0 GiB  shop        db/5e1f   z1  Wed Nov 18 11:00:00 UTC 2026

        3 disks

        Succeeded
        """);
    assertThat(director.requests("GET", "/disks")).extracting(FakeDirector.Recorded::uri).containsExactly("/disks");
  }

  @Test
  void withoutOrphanedNothingIsAsked() {
    CliRun.Result result = cli.run("disks");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Only --orphaned is supported\n");
    assertThat(director.requests("GET", "/disks")).isEmpty();
  }

  @Test
  void deleteDiskAsksThenFollowsTheTask() {
    director.taskFor("DELETE", "/disks/disk-old", "delete orphan disks")
        .step(1795000000, "Deleting orphaned disks", "Deleting orphaned disk disk-old", "started", null)
        .step(1795000001, "Deleting orphaned disks", "Deleting orphaned disk disk-old", "finished", null)
        .result("orphaned disk(s) disk-old deleted");

    CliRun.Result result = cli.stdin("y\n").run("delete-disk", "disk-old");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).contains("Continue? [yN]: ").contains("Deleting orphaned disks: Deleting orphaned disk disk-old").endsWith("Succeeded\n");
    assertThat(director.requests("DELETE", "/disks/")).extracting(FakeDirector.Recorded::uri).containsExactly("/disks/disk-old");
  }

  @Test
  void declinedDeleteSendsNothing() {
    director.taskFor("DELETE", "/disks/disk-old", "delete orphan disks");

    CliRun.Result result = cli.stdin("n\n").run("delete-disk", "disk-old");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).isEqualTo("Stopped\n");
    assertThat(director.requests("DELETE", "/disks")).isEmpty();
  }

  @Test
  void aFailedDeleteFailsWhileTheDiskIsStillOrphaned() {
    director.answer("GET", "/disks", 200, ORPHANS);
    director.taskFor("DELETE", "/disks/disk-old", "delete orphan disks")
        .event("{\"time\":1795000000,\"error\":{\"code\":100,\"message\":\"boom\"}}").endsAs("error");

    CliRun.Result result = cli.run("-n", "delete-disk", "disk-old");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).startsWith("Deleting orphaned disk 'disk-old':\n");
  }

  @Test
  void aFailedDeleteOfADiskNoLongerOrphanedSucceeds() {
    director.answer("GET", "/disks", 200, "[]");
    director.taskFor("DELETE", "/disks/disk-old", "delete orphan disks")
        .event("{\"time\":1795000000,\"error\":{\"code\":100,\"message\":\"boom\"}}").endsAs("error");

    CliRun.Result result = cli.run("-n", "delete-disk", "disk-old");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).endsWith("Succeeded\n");
  }
}
