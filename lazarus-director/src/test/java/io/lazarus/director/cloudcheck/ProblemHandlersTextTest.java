package io.lazarus.director.cloudcheck;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The problem handlers' texts, resolutions and automatic choices are BOSH's (bosh-behaviour.md §5.4). */
class ProblemHandlersTextTest {
  private static final Instance WEB = new Instance(10, 1, "foobar", 0, "9f1c-uuid", "z1", "started", true, false, Optional.empty());
  private static final Vm VM = new Vm(5, 10L, "agent-1", "vm-123", true, "dummy", null, "u", "p", "sc/1", Instant.EPOCH);
  private static final PersistentDisk DISK = new PersistentDisk(7, 10, "disk-1", 1024, Map.of(), true, "dummy");

  @Test
  void missingVm() {
    var handler = new Handlers.MissingVm(WEB, Optional.of(VM), null);
    assertThat(handler.description()).isEqualTo("VM for 'foobar/9f1c-uuid (0)' with cloud ID 'vm-123' missing.");
    assertThat(new Handlers.MissingVm(WEB, Optional.empty(), null).description()).isEqualTo("VM for 'foobar/9f1c-uuid (0)' missing.");
    assertThat(handler.resolutions()).containsExactly(
        new Resolution("ignore", "Skip for now"),
        new Resolution("recreate_vm_without_wait", "Recreate VM without waiting for processes to start"),
        new Resolution("recreate_vm", "Recreate VM and wait for processes to start"),
        new Resolution("delete_vm_reference", "Delete VM reference"));
    assertThat(handler.autoResolution()).isEqualTo("recreate_vm_without_wait");
  }

  @Test
  void unresponsiveAgent() {
    var handler = new Handlers.UnresponsiveAgent(WEB, VM, null);
    assertThat(handler.description()).isEqualTo("VM for 'foobar/9f1c-uuid (0)' with cloud ID 'vm-123' is not responding.");
    assertThat(handler.resolutions()).extracting(Resolution::name)
        .containsExactly("ignore", "reboot_vm", "recreate_vm_without_wait", "recreate_vm", "delete_vm", "delete_vm_reference");
    assertThat(handler.resolution("delete_vm_reference").orElseThrow().plan())
        .isEqualTo("Delete VM reference (forceful; may need to manually delete VM from the Cloud to avoid IP conflicts)");
    assertThat(handler.autoResolution()).isEqualTo("ignore");
  }

  @Test
  void mountInfoMismatch() {
    var handler = new Handlers.MountInfoMismatch(WEB, VM, DISK, List.of(), null);
    assertThat(handler.description()).isEqualTo("Inconsistent mount information:\nRecord shows that disk 'disk-1' should be mounted on vm-123.\nHowever it is currently :\n\tNot mounted in any VM");
    assertThat(new Handlers.MountInfoMismatch(WEB, VM, DISK, List.of("vm-9", "vm-8"), null).description()).endsWith("\tMounted on: vm-9, vm-8");
    assertThat(handler.resolutions()).containsExactly(
        new Resolution("ignore", "Ignore"), new Resolution("reattach_disk", "Reattach disk to instance"), new Resolution("reattach_disk_and_reboot", "Reattach disk and reboot instance"));
    assertThat(handler.autoResolution()).isEqualTo("ignore");
  }

  @Test
  void disks() {
    var missing = new Handlers.MissingDisk(WEB, DISK, null);
    assertThat(missing.description()).isEqualTo("Disk 'disk-1' (foobar/9f1c-uuid, 1024M) is missing");
    assertThat(missing.resolutions()).containsExactly(new Resolution("ignore", "Skip for now"), new Resolution("delete_disk_reference", "Delete disk reference (DANGEROUS!)"));
    var inactive = new Handlers.InactiveDisk(WEB, DISK, null);
    assertThat(inactive.description()).isEqualTo("Disk 'disk-1' (1024M) for instance 'foobar/9f1c-uuid (0)' is inactive");
    assertThat(inactive.resolutions()).containsExactly(new Resolution("ignore", "Skip for now"), new Resolution("delete_disk", "Delete disk"), new Resolution("activate_disk", "Activate disk"));
    assertThat(missing.autoResolution()).isEqualTo("ignore");
    assertThat(inactive.autoResolution()).isEqualTo("ignore");
  }

  @Test
  void invalidProblem() {
    Problem gone = new Problem(3, 1, "missing_vm", 10, Map.of(), Problem.OPEN, 1, "foobar");
    var handler = new Handlers.InvalidProblem(gone, "instance 10 is no longer in the database");
    assertThat(handler.description()).isEqualTo("Problem (missing_vm 3) is no longer valid: instance 10 is no longer in the database");
    assertThat(handler.resolutions()).containsExactly(new Resolution("close", "Close problem"));
    assertThat(handler.autoResolution()).isEqualTo("close");
  }

  @Test
  void theResolversTaskLineAndTheScanSummaries() {
    Problem problem = new Problem(3, 1, "missing_vm", 10, Map.of(), Problem.OPEN, 1, "foobar");
    String description = new Handlers.MissingVm(WEB, Optional.of(VM), null).description();
    assertThat(ProblemResolver.taskLine(description, problem, "Recreate VM and wait for processes to start"))
        .isEqualTo("VM for 'foobar/9f1c-uuid (0)' with cloud ID 'vm-123' missing. (missing_vm 10): Recreate VM and wait for processes to start");
    assertThat(VmScan.summary(List.of(VmScan.Outcome.OK, VmScan.Outcome.UNRESPONSIVE, VmScan.Outcome.UNRESPONSIVE, VmScan.Outcome.IGNORED, VmScan.Outcome.IGNORED)))
        .isEqualTo("1 OK, 2 unresponsive, 0 missing, 0 unbound, 2 ignored");
    assertThat(VmScan.summary(List.of(VmScan.Outcome.MISSING))).isEqualTo("0 OK, 0 unresponsive, 1 missing, 0 unbound");
  }
}
