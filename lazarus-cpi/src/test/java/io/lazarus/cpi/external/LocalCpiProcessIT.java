package io.lazarus.cpi.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiLog;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.FakeStemcell;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.cpi.local.process.ProcTable;
import io.lazarus.cpi.local.vm.VmState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local CPI as an external CPI: {@link ExternalCpi} runs {@code java LocalCpiMain} once per call, and the VM it
 * creates outlives that process.
 */
class LocalCpiProcessIT {
  @TempDir
  Path dir;

  private final List<String> logged = new CopyOnWriteArrayList<>();

  @AfterEach
  void stopEverything() throws IOException {
    new LocalCloud(dir.resolve("cloud")).stopAll();
  }

  private ExternalCpi localCpiProcess() throws IOException {
    String java = ProcessHandle.current().info().command().orElseThrow();
    Path executable = dir.resolve("local-cpi");
    Files.writeString(executable, "#!/bin/sh\nexec '" + java + "' -cp '" + System.getProperty("java.class.path")
        + "' " + LocalCpiMain.class.getName() + " --root '" + dir.resolve("cloud") + "'\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    CpiLog log = logged::add;
    return new ExternalCpi(new ExternalCpiConfig("local", executable, Map.of(), "director-1", Duration.ofSeconds(60)),
        log);
  }

  @Test
  void createsAndDeletesAVmThroughTheProtocol() throws Exception {
    ExternalCpi cpi = localCpiProcess();
    String stemcell = cpi.createStemcell(FakeStemcell.withAgent().writeTo(dir.resolve("image.tgz")), Map.of());
    VmSpec spec = new VmSpec("agent-1", stemcell, Map.of(),
        Map.of("default", Network.manual("127.10.2.1", "255.255.255.0", "127.10.2.254")), List.of(),
        Map.of("bosh", Map.of("mbus", Map.of("user", "mbus", "password", "pw"))));

    CreatedVm vm = cpi.createVm(spec);

    assertThat(cpi.hasVm(vm.cid())).as("the VM outlives the CPI process that made it").isTrue();
    LocalVm shown = new LocalCloud(dir.resolve("cloud")).vms().getFirst();
    assertThat(shown.state()).isEqualTo(VmState.RUNNING);
    assertThat(vm.networks().get("default").ip()).isEqualTo("127.10.2.1");
    assertThat(logged).anySatisfy(line -> assertThat(line).contains("create_vm"));

    cpi.deleteVm(vm.cid());

    assertThat(cpi.hasVm(vm.cid())).isFalse();
    assertThat(ProcTable.stat(shown.pid()).filter(s -> !s.ended())).isEmpty();
    assertThatThrownBy(() -> cpi.rebootVm(vm.cid()))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_NOT_FOUND));
  }
}
