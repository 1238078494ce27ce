package io.lazarus.cli.localcloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.CliRun;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.cpi.local.LocalCpiOptions;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.cpi.local.vm.VmState;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lazarus local-cloud ...} against a real local cloud with one VM whose agent only sleeps. */
class LocalCloudCommandIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  Path home;

  private Path root;
  private LocalCloud cloud;
  private CreatedVm vm;
  private String disk;
  private CliRun cli;

  @BeforeEach
  void oneVm() throws Exception {
    root = home.resolve(".lazarus/local/local-cloud");
    cloud = new LocalCloud(root, Duration.ofSeconds(2));
    LocalCpi cpi = new LocalCpi(LocalCpiOptions.defaults(root).withStopGrace(Duration.ofSeconds(2)));
    String stemcell = cpi.createStemcell(sleepingAgentImage(home.resolve("image.tgz")), Map.of());
    vm = cpi.createVm(new VmSpec("agent-1", stemcell, Map.of(),
        Map.of("default", Network.manual("127.10.3.1", "255.255.255.0", "127.10.3.254")), List.of(), Map.of()));
    disk = cpi.createDisk(512, Map.of(), vm.cid());
    cpi.attachDisk(vm.cid(), disk);
    cli = new CliRun(home);
  }

  @AfterEach
  void stopEverything() throws IOException {
    cloud.stopAll();
  }

  private static Path sleepingAgentImage(Path image) throws IOException {
    byte[] agent = "#!/bin/sh\nexec sleep 1000\n".getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(image);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      TarArchiveEntry entry = new TarArchiveEntry("bosh/bin/bosh-agent");
      entry.setSize(agent.length);
      entry.setMode(0755);
      tar.putArchiveEntry(entry);
      tar.write(agent);
      tar.closeArchiveEntry();
    }
    return image;
  }

  private VmState state() throws IOException {
    return cloud.vms().stream().map(LocalVm::state).findFirst().orElseThrow();
  }

  @Test
  void listsTheVmsOfTheDefaultStoresCloud() {
    CliRun.Result result = cli.run("local-cloud", "vms");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.outTrimmed()).contains("VM CID", "Agent ID", "IPs", "State", vm.cid(), "agent-1", "127.10.3.1",
        "running", "1 vms", "Succeeded");
  }

  @Test
  void listsAsJson() {
    CliRun.Result result = cli.run("local-cloud", "vms", "--root", root.toString(), "--json");

    assertThat(result.exitCode()).isEqualTo(0);
    assertThat(result.out()).contains("\"Content\": \"vms\"", "\"vm_cid\": \"" + vm.cid() + "\"", "\"state\": \"running\"");
  }

  @Test
  void listsDisksAndTheirVm() {
    CliRun.Result result = cli.run("local-cloud", "disks", "--store", home.resolve(".lazarus/local").toString());

    assertThat(result.outTrimmed()).contains("Disk CID", disk, "512", vm.cid(), "1 disks");
  }

  @Test
  void pausesResumesCrashesAndTerminates() throws Exception {
    assertThat(cli.run("local-cloud", "pause", vm.cid()).out()).contains("Paused VM '" + vm.cid() + "'");
    await().atMost(WAIT).until(() -> state() == VmState.PAUSED);

    cli.run("local-cloud", "resume", vm.cid());
    await().atMost(WAIT).until(() -> state() == VmState.RUNNING);

    cli.run("local-cloud", "crash", vm.cid());
    await().atMost(WAIT).until(() -> state() == VmState.CRASHED);

    CliRun.Result terminated = cli.run("local-cloud", "terminate", vm.cid());
    assertThat(terminated.out()).contains("Terminated VM '" + vm.cid() + "'");
    assertThat(cloud.vms()).isEmpty();
  }

  @Test
  void anUnknownVmFailsWithExitCode1() {
    CliRun.Result result = cli.run("local-cloud", "crash", "vm-00000000-0000-0000-0000-000000000000");

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("no VM 'vm-00000000-0000-0000-0000-000000000000' in the local cloud at " + root);
  }

  @Test
  void withoutASubcommandItIsAUsageError() {
    assertThat(cli.run("local-cloud").exitCode()).isEqualTo(2);
  }
}
