package io.lazarus.cpi.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.process.ProcTable;
import io.lazarus.cpi.local.vm.IsolationMode;
import io.lazarus.cpi.local.vm.VmState;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The local CPI with a fake stemcell whose agent reports what it sees; every VM is real processes. */
class LocalCpiIT {
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

  private LocalCpi cpi(boolean plain) {
    return new LocalCpi(LocalCpiOptions.defaults(root).withForcePlain(plain).withStopGrace(Duration.ofSeconds(2)));
  }

  private String stemcell(LocalCpi cpi) throws Exception {
    return cpi.createStemcell(FakeStemcell.withAgent().writeTo(dir.resolve("image.tgz")), Map.of());
  }

  private Map<String, String> seen(String vmCid) throws IOException {
    Path seen = root.resolve("vms").resolve(vmCid).resolve("root").resolve("seen");
    await().atMost(WAIT).until(() -> Files.exists(seen));
    Map<String, String> values = new java.util.LinkedHashMap<>();
    for (String line : Files.readAllLines(seen)) {
      int eq = line.indexOf('=');
      values.put(line.substring(0, eq), line.substring(eq + 1));
    }
    return values;
  }

  private LocalVm vm(String cid) throws IOException {
    return cloud.vms().stream().filter(vm -> vm.cid().equals(cid)).findFirst().orElseThrow();
  }

  @Test
  void createsAVmInNamespacesWhoseAgentSeesItsSettingsAtVarVcap() throws Exception {
    LocalCpi cpi = cpi(false);
    Assumptions.assumeTrue(cpi.mode() == IsolationMode.NAMESPACES, "namespaces are not available on this host");
    String stemcell = stemcell(cpi);

    CreatedVm vm = cpi.createVm(Specs.vm("agent-1", stemcell, "127.10.0.5"));

    Map<String, String> seen = seen(vm.cid());
    assertThat(seen.get("VCAP_ROOT")).isEqualTo("/var/vcap");
    assertThat(seen.get("PATH")).startsWith("/var/vcap/bosh/bin:");
    assertThat(seen.get("LAZARUS_JAVA")).endsWith("/bin/java");
    assertThat(seen.get("LS")).contains("bin", "log", "settings.json");
    assertThat(seen.get("SETTINGS")).contains("\"agent_id\" : \"agent-1\"", "https://mbus:secret-agent-1@127.10.0.5:6868");
    assertThat(Path.of("/var/vcap")).isEmptyDirectory();
    assertThat(cpi.hasVm(vm.cid())).isTrue();
    assertThat(vm(vm.cid()).state()).isEqualTo(VmState.RUNNING);
    assertThat(vm(vm.cid()).mode()).isEqualTo(IsolationMode.NAMESPACES);

    long first = vm(vm.cid()).pid();
    cpi.deleteVm(vm.cid());

    assertThat(cpi.hasVm(vm.cid())).isFalse();
    assertThat(ProcTable.stat(first).filter(s -> !s.ended())).isEmpty();
    assertThat(root.resolve("vms").resolve(vm.cid())).doesNotExist();
    cpi.deleteVm(vm.cid());
  }

  @Test
  void createsAVmAsPlainProcessesWhenAskedTo() throws Exception {
    LocalCpi cpi = cpi(true);
    String stemcell = stemcell(cpi);

    CreatedVm vm = cpi.createVm(Specs.vm("agent-2", stemcell, "127.10.0.6"));

    Path vmRoot = root.resolve("vms").resolve(vm.cid()).resolve("root");
    Map<String, String> seen = seen(vm.cid());
    assertThat(seen.get("VCAP_ROOT")).isEqualTo(vmRoot.toString());
    assertThat(seen.get("PATH")).startsWith(vmRoot + "/bosh/bin:");
    assertThat(seen.get("SETTINGS")).contains("https://mbus:secret-agent-2@127.10.0.6:6868");
    assertThat(Files.readString(vmRoot.resolve("bosh/settings.json"))).contains("\"heartbeat\"", "\"blobstores\"");
    assertThat(vm(vm.cid()).mode()).isEqualTo(IsolationMode.PLAIN);
    assertThat(cpi.hasVm(vm.cid())).isTrue();

    long agent = vm(vm.cid()).agentPid();
    cpi.deleteVm(vm.cid());

    assertThat(cpi.hasVm(vm.cid())).isFalse();
    assertThat(ProcTable.stat(agent).filter(s -> !s.ended())).isEmpty();
  }

  @Test
  void aPersistentDiskShowsInTheSettingsAndOutlivesItsVm() throws Exception {
    LocalCpi cpi = cpi(true);
    CreatedVm vm = cpi.createVm(Specs.vm("agent-3", stemcell(cpi), "127.10.0.7"));
    String disk = cpi.createDisk(1024, Map.of(), vm.cid());

    DiskHint hint = cpi.attachDisk(vm.cid(), disk);

    Path diskDir = root.resolve("disks").resolve(disk);
    assertThat(hint.value()).isEqualTo(Map.of("path", diskDir.toString()));
    Map<?, ?> settings = Json.read(Files.readString(root.resolve("vms").resolve(vm.cid()).resolve("root/bosh/settings.json")), Map.class);
    assertThat(((Map<?, ?>) settings.get("disks")).get("persistent")).isEqualTo(Map.of(disk, Map.of("path", diskDir.toString())));
    assertThat(cloud.disks()).singleElement().satisfies(d -> {
      assertThat(d.attachedTo()).isEqualTo(vm.cid());
      assertThat(d.sizeMb()).isEqualTo(1024);
    });
    assertThatThrownBy(() -> cpi.deleteDisk(disk)).isInstanceOf(CpiException.class).hasMessageContaining("attached to VM");
    Files.writeString(diskDir.resolve("data"), "kept");

    cpi.deleteVm(vm.cid());

    assertThat(cpi.hasDisk(disk)).isTrue();
    assertThat(diskDir.resolve("data")).hasContent("kept");
    assertThat(cloud.disks()).singleElement().satisfies(d -> assertThat(d.attachedTo()).isNull());
    cpi.deleteDisk(disk);
    assertThat(cpi.hasDisk(disk)).isFalse();
    assertThat(diskDir).doesNotExist();
  }

  @Test
  void detachingADiskRemovesItFromTheSettings() throws Exception {
    LocalCpi cpi = cpi(true);
    CreatedVm vm = cpi.createVm(Specs.vm("agent-4", stemcell(cpi), "127.10.0.8"));
    String disk = cpi.createDisk(10, Map.of(), null);
    cpi.attachDisk(vm.cid(), disk);

    cpi.detachDisk(vm.cid(), disk);
    cpi.detachDisk(vm.cid(), disk);

    assertThat(Files.readString(root.resolve("vms").resolve(vm.cid()).resolve("root/bosh/settings.json")))
        .doesNotContain(disk);
    cpi.deleteDisk(disk);
    assertThatThrownBy(() -> cpi.attachDisk(vm.cid(), disk))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.DISK_NOT_FOUND));
  }

  @Test
  void rebootStartsTheAgentAgainOnTheSameRoot() throws Exception {
    LocalCpi cpi = cpi(true);
    CreatedVm vm = cpi.createVm(Specs.vm("agent-5", stemcell(cpi), "127.10.0.9"));
    String firstBoot = seen(vm.cid()).get("BOOT");
    long firstAgent = vm(vm.cid()).agentPid();
    Files.writeString(root.resolve("vms").resolve(vm.cid()).resolve("root/kept"), "state");

    cpi.rebootVm(vm.cid());

    await().atMost(WAIT).until(() -> !seen(vm.cid()).get("BOOT").equals(firstBoot));
    assertThat(vm(vm.cid()).agentPid()).isNotEqualTo(firstAgent);
    assertThat(ProcTable.stat(firstAgent).filter(s -> !s.ended())).isEmpty();
    assertThat(vm(vm.cid()).state()).isEqualTo(VmState.RUNNING);
    assertThat(root.resolve("vms").resolve(vm.cid()).resolve("root/kept")).hasContent("state");
  }

  @Test
  void metadataIsKeptInTheVmRecord() throws Exception {
    LocalCpi cpi = cpi(true);
    CreatedVm vm = cpi.createVm(Specs.vm("agent-6", stemcell(cpi), "127.10.0.10"));

    cpi.setVmMetadata(vm.cid(), Map.of("deployment", "d", "job", "web"));

    assertThat(Files.readString(root.resolve("vms").resolve(vm.cid()).resolve("vm.json"))).contains("\"job\" : \"web\"");
    assertThatThrownBy(() -> cpi.setVmMetadata("vm-00000000-0000-0000-0000-000000000000", Map.of()))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_NOT_FOUND));
  }

  @Test
  void aSecondVmOnALiveVmsIpIsRefused() throws Exception {
    LocalCpi cpi = cpi(true);
    String stemcell = stemcell(cpi);
    CreatedVm first = cpi.createVm(Specs.vm("agent-7", stemcell, "127.10.0.11"));

    assertThatThrownBy(() -> cpi.createVm(Specs.vm("agent-8", stemcell, "127.10.0.11")))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_CREATION_FAILED))
        .hasMessageContaining("127.10.0.11 is already used");

    cpi.deleteVm(first.cid());
    CreatedVm second = cpi.createVm(Specs.vm("agent-8", stemcell, "127.10.0.11"));
    assertThat(cpi.hasVm(second.cid())).isTrue();
  }

  @Test
  void anAgentAddressHeldByAnotherProcessOfTheMachineIsRefusedAndLeavesNothing() throws Exception {
    LocalCpi cpi = cpi(true);
    String stemcell = stemcell(cpi);
    try (ServerSocket squatter = new ServerSocket(6868, 1, InetAddress.getByName("127.10.0.12"))) {
      assertThatThrownBy(() -> cpi.createVm(Specs.vm("agent-10", stemcell, "127.10.0.12")))
          .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_CREATION_FAILED))
          .hasMessageContaining("127.10.0.12:6868, the agent's address, is already in use on this machine");
    }
    assertThat(vmEntries()).isEmpty();
  }

  @Test
  void networksOutsideLoopbackOrDynamicAreRefusedAndLeaveNothing() throws Exception {
    LocalCpi cpi = cpi(true);
    String stemcell = stemcell(cpi);
    VmSpec outside = Specs.vm("agent-9", stemcell, "10.0.0.5");
    VmSpec dynamic = new VmSpec("agent-9", stemcell, Map.of(),
        Map.of("default", new Network("dynamic", null, null, null, null, List.of("dns", "gateway"), null)), null, Map.of());

    assertThatThrownBy(() -> cpi.createVm(outside)).hasMessageContaining("not a loopback address");
    assertThatThrownBy(() -> cpi.createVm(dynamic)).hasMessageContaining("manual networks only");
    assertThat(vmEntries()).isEmpty();
  }

  @Test
  void aCreateThatFailsHalfWayLeavesNoDirectoryOrProcess() throws Exception {
    LocalCpi cpi = cpi(false);
    String broken = cpi.createStemcell(
        FakeStemcell.withAgent().file("bosh/log", "a file where the log directory belongs").writeTo(dir.resolve("broken.tgz")),
        Map.of());

    assertThatThrownBy(() -> cpi.createVm(Specs.vm("agent-10", broken, "127.10.0.12")))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_CREATION_FAILED))
        .hasMessageEndingWith("/root/bosh/log: already exists");

    assertThat(vmEntries()).isEmpty();
    assertThat(processesMentioning(root.toString())).isEmpty();
  }

  @Test
  void anUnknownStemcellIsRefused() {
    LocalCpi cpi = cpi(true);

    assertThatThrownBy(() -> cpi.createVm(Specs.vm("agent-11", "sc-00000000-0000-0000-0000-000000000000", "127.10.0.13")))
        .isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.VM_CREATION_FAILED))
        .hasMessageContaining("is not in the local cloud");
  }

  @Test
  void aStemcellIsUnpackedAndDeleted() throws Exception {
    LocalCpi cpi = cpi(true);

    String cid = stemcell(cpi);

    assertThat(root.resolve("stemcells").resolve(cid).resolve("image/bosh/bin/bosh-agent")).isExecutable();
    cpi.deleteStemcell(cid);
    cpi.deleteStemcell(cid);
    assertThat(cpi.hasStemcell(cid)).isFalse();
    assertThatThrownBy(() -> cpi.createStemcell(Files.writeString(dir.resolve("not-a-tgz"), "image"), Map.of()))
        .hasMessageContaining("not a tar archive");
  }

  @Test
  void concurrentCreatesGetTheirOwnVmsAndOnlyOneWinsAContestedIp() throws Exception {
    LocalCpi cpi = cpi(true);
    String stemcell = stemcell(cpi);
    List<String> ips = List.of("127.10.4.1", "127.10.4.2", "127.10.4.3", "127.10.4.9", "127.10.4.9");

    List<java.util.concurrent.Future<CreatedVm>> creates;
    try (var pool = java.util.concurrent.Executors.newFixedThreadPool(ips.size())) {
      creates = ips.stream().map(ip -> pool.submit(() -> cpi.createVm(Specs.vm("agent-" + ip, stemcell, ip)))).toList();
    }

    long created = creates.stream().filter(f -> f.state() == java.util.concurrent.Future.State.SUCCESS).count();
    assertThat(created).isEqualTo(4);
    assertThat(creates.stream().filter(f -> f.state() == java.util.concurrent.Future.State.FAILED))
        .singleElement().satisfies(f -> assertThat(f.exceptionNow()).hasMessageContaining("127.10.4.9 is already used"));
    assertThat(cloud.vms()).hasSize(4).allSatisfy(vm -> assertThat(vm.state()).isEqualTo(VmState.RUNNING));
    assertThat(cloud.vms().stream().flatMap(vm -> vm.ips().stream())).doesNotHaveDuplicates();
  }

  private List<Path> vmEntries() throws IOException {
    Path vms = root.resolve("vms");
    if (!Files.exists(vms)) {
      return List.of();
    }
    try (Stream<Path> entries = Files.list(vms)) {
      return entries.toList();
    }
  }

  static List<Long> processesMentioning(String text) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().matches("\\d+"))
          .filter(p -> {
            try {
              return new String(Files.readAllBytes(p.resolve("cmdline"))).contains(text);
            } catch (IOException e) {
              return false;
            }
          })
          .map(p -> Long.parseLong(p.getFileName().toString()))
          .toList();
    }
  }
}
