package io.lazarus.cpi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.local.process.ProcStat;
import io.lazarus.cpi.local.process.ProcTable;
import io.lazarus.cpi.local.process.ProcessId;
import io.lazarus.cpi.local.vm.IsolationMode;
import io.lazarus.cpi.local.vm.VmState;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The console's faults, observed through /proc, in both isolation modes. */
class LocalCloudIT {
  private static final Duration WAIT = Duration.ofSeconds(15);

  @TempDir
  Path dir;

  private Path root;
  private LocalCloud cloud;

  @BeforeEach
  void cloud() {
    root = dir.resolve("cloud");
    cloud = new LocalCloud(root, Duration.ofSeconds(2));
  }

  @AfterEach
  void stopEverything() throws IOException {
    cloud.stopAll();
  }

  private LocalCpi cpi(IsolationMode mode) {
    LocalCpi cpi = new LocalCpi(LocalCpiOptions.defaults(root).withForcePlain(mode == IsolationMode.PLAIN)
        .withStopGrace(Duration.ofSeconds(2)));
    Assumptions.assumeTrue(cpi.mode() == mode, mode + " is not available on this host");
    return cpi;
  }

  private CreatedVm vm(LocalCpi cpi, String ip) throws Exception {
    String stemcell = cpi.createStemcell(FakeStemcell.withAgent().writeTo(dir.resolve("image.tgz")), Map.of());
    CreatedVm vm = cpi.createVm(Specs.vm("agent-" + ip, stemcell, ip));
    await().atMost(WAIT).until(() -> tree(vm.cid()).size() >= processesPerVm(cpi.mode()));
    return vm;
  }

  /** unshare, init, agent and its job; or init, agent and its job. */
  private static int processesPerVm(IsolationMode mode) {
    return mode == IsolationMode.NAMESPACES ? 4 : 3;
  }

  private LocalVm shown(String cid) throws IOException {
    return cloud.vms().stream().filter(vm -> vm.cid().equals(cid)).findFirst().orElseThrow();
  }

  private Set<Long> tree(String cid) throws IOException {
    LocalVm vm = shown(cid);
    return ProcTable.read().tree(ProcTable.identify(vm.pid()).orElse(new ProcessId(vm.pid(), -1)));
  }

  private static List<Character> states(Set<Long> pids) {
    return pids.stream().map(pid -> ProcTable.stat(pid).map(ProcStat::state).orElse('?')).toList();
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void listsItsVmsWithTheirState(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    CreatedVm vm = vm(cpi, "127.10.1.1");

    LocalVm shown = shown(vm.cid());

    assertThat(shown.agentId()).isEqualTo("agent-127.10.1.1");
    assertThat(shown.ips()).containsExactly("127.10.1.1");
    assertThat(shown.mode()).isEqualTo(mode);
    assertThat(shown.state()).isEqualTo(VmState.RUNNING);
    assertThat(shown.createdAt()).isNotNull();
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void terminateKillsTheTreeAndForgetsTheVm(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    CreatedVm vm = vm(cpi, "127.10.1.2");
    Set<Long> processes = tree(vm.cid());

    cloud.terminate(vm.cid());

    assertThat(cpi.hasVm(vm.cid())).isFalse();
    assertThat(cloud.vms()).isEmpty();
    assertThat(processes).allSatisfy(pid -> assertThat(ProcTable.stat(pid).filter(s -> !s.ended())).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void crashKillsOnlyTheAgent(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    CreatedVm vm = vm(cpi, "127.10.1.3");
    long agent = shown(vm.cid()).agentPid();

    cloud.crash(vm.cid());

    await().atMost(WAIT).until(() -> shown(vm.cid()).state() == VmState.CRASHED);
    assertThat(ProcTable.stat(agent).filter(s -> !s.ended())).isEmpty();
    assertThat(cpi.hasVm(vm.cid())).isTrue();
    assertThat(ProcTable.stat(shown(vm.cid()).pid()).filter(s -> !s.ended())).isPresent();

    cpi.deleteVm(vm.cid());
    assertThat(cpi.hasVm(vm.cid())).isFalse();
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void pauseStopsEveryProcessAndResumeContinuesThem(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    CreatedVm vm = vm(cpi, "127.10.1.4");

    cloud.pause(vm.cid());

    await().atMost(WAIT).untilAsserted(() -> assertThat(states(tree(vm.cid()))).containsOnly('T'));
    assertThat(shown(vm.cid()).state()).isEqualTo(VmState.PAUSED);
    assertThat(cpi.hasVm(vm.cid())).isTrue();

    cloud.resume(vm.cid());

    await().atMost(WAIT).untilAsserted(() -> assertThat(states(tree(vm.cid()))).doesNotContain('T'));
    assertThat(shown(vm.cid()).state()).isEqualTo(VmState.RUNNING);
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void aPausedVmCanStillBeDeleted(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    CreatedVm vm = vm(cpi, "127.10.1.5");
    Set<Long> processes = tree(vm.cid());
    cloud.pause(vm.cid());

    cpi.deleteVm(vm.cid());

    assertThat(cpi.hasVm(vm.cid())).isFalse();
    assertThat(processes).allSatisfy(pid -> assertThat(ProcTable.stat(pid).filter(s -> !s.ended())).isEmpty());
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void stopAllEndsEveryVm(IsolationMode mode) throws Exception {
    LocalCpi cpi = cpi(mode);
    vm(cpi, "127.10.1.6");
    vm(cpi, "127.10.1.7");

    assertThat(cloud.stopAll()).isEqualTo(2);

    assertThat(cloud.vms()).isEmpty();
    assertThat(LocalCpiIT.processesMentioning(root.toString())).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(IsolationMode.class)
  void faultsOnAnUnknownVmAreRefused(IsolationMode mode) {
    assertThatThrownBy(() -> cloud.crash("vm-00000000-0000-0000-0000-000000000000"))
        .hasMessageContaining("no VM 'vm-00000000-0000-0000-0000-000000000000' in the local cloud");
  }
}
