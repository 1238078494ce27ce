package io.lazarus.director.cloudcheck;

import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.util.List;
import java.util.Optional;

/** BOSH's problem handlers ({@code problem_handlers/*.rb}): texts, resolutions and what each resolution does. */
final class Handlers {
  private Handlers() {}

  /** {@code ig/uuid (index)}, as BOSH names an instance in problem texts. */
  static String label(Instance instance) {
    return instance.name() + " (" + instance.index() + ")";
  }

  static String unknownResolution(String type, String name) {
    return "Unknown resolution '" + name + "' for problem type '" + type + "'";
  }

  /** The instance's VM exists in the Director's records, but not in the cloud. */
  record MissingVm(Instance instance, Optional<Vm> vm, Fixes fixes) implements ProblemHandler {
    @Override
    public String description() {
      String cid = vm.map(Vm::cid).orElse(null);
      return "VM for '" + label(instance) + "'" + (cid == null ? "" : " with cloud ID '" + cid + "'") + " missing.";
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(Resolution.IGNORE, Resolution.RECREATE_VM_WITHOUT_WAIT, Resolution.RECREATE_VM, new Resolution("delete_vm_reference", "Delete VM reference"));
    }

    @Override
    public String autoResolution() {
      return Resolution.RECREATE_VM_WITHOUT_WAIT.name();
    }

    @Override
    public void apply(String name, TaskContext ctx) throws Exception {
      switch (name) {
        case "ignore" -> {}
        case "recreate_vm_without_wait" -> fixes.recreate(instance, false, ctx);
        case "recreate_vm" -> fixes.recreate(instance, true, ctx);
        case "delete_vm_reference" -> vm.ifPresent(fixes::deleteVmReference);
        default -> throw new ProblemHandlerException(unknownResolution(ProblemTypes.MISSING_VM, name));
      }
    }
  }

  /** The VM exists in the cloud but its agent does not answer. */
  record UnresponsiveAgent(Instance instance, Vm vm, Fixes fixes) implements ProblemHandler {
    @Override
    public String description() {
      return "VM for '" + label(instance) + "' with cloud ID '" + vm.cid() + "' is not responding.";
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(
          Resolution.IGNORE,
          new Resolution("reboot_vm", "Reboot VM"),
          Resolution.RECREATE_VM_WITHOUT_WAIT,
          Resolution.RECREATE_VM,
          new Resolution("delete_vm", "Delete VM"),
          new Resolution("delete_vm_reference", "Delete VM reference (forceful; may need to manually delete VM from the Cloud to avoid IP conflicts)"));
    }

    @Override
    public String autoResolution() {
      return Resolution.IGNORE.name();
    }

    @Override
    public void apply(String name, TaskContext ctx) throws Exception {
      if (name.equals("ignore")) {
        return;
      }
      if (resolution(name).isEmpty()) {
        throw new ProblemHandlerException(unknownResolution(ProblemTypes.UNRESPONSIVE_AGENT, name));
      }
      fixes.ensureUnresponsive(vm);
      switch (name) {
        case "reboot_vm" -> fixes.reboot(vm, ctx);
        case "recreate_vm_without_wait" -> fixes.recreate(instance, false, ctx);
        case "recreate_vm" -> fixes.recreate(instance, true, ctx);
        case "delete_vm" -> fixes.deleteVm(instance, vm, ctx);
        default -> fixes.deleteVmReference(vm);
      }
    }
  }

  /** The disk is not mounted where the Director's records say it is. */
  record MountInfoMismatch(Instance instance, Vm vm, PersistentDisk disk, List<String> ownerVms, Fixes fixes) implements ProblemHandler {
    @Override
    public String description() {
      return "Inconsistent mount information:\n"
          + "Record shows that disk '" + disk.cid() + "' should be mounted on " + vm.cid() + ".\n"
          + "However it is currently :\n"
          + (ownerVms.isEmpty() ? "\tNot mounted in any VM" : "\tMounted on: " + String.join(", ", ownerVms));
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(new Resolution("ignore", "Ignore"), new Resolution("reattach_disk", "Reattach disk to instance"), new Resolution("reattach_disk_and_reboot", "Reattach disk and reboot instance"));
    }

    @Override
    public String autoResolution() {
      return Resolution.IGNORE.name();
    }

    @Override
    public void apply(String name, TaskContext ctx) throws Exception {
      switch (name) {
        case "ignore" -> {}
        case "reattach_disk", "reattach_disk_and_reboot" -> fixes.reattachDisk(vm, disk, name.equals("reattach_disk_and_reboot"), ctx);
        default -> throw new ProblemHandlerException(unknownResolution(ProblemTypes.MOUNT_INFO_MISMATCH, name));
      }
    }
  }

  /** The cloud does not have the instance's disk. */
  record MissingDisk(Instance instance, PersistentDisk disk, Fixes fixes) implements ProblemHandler {
    @Override
    public String description() {
      return "Disk '" + disk.cid() + "' (" + instance.name() + ", " + disk.sizeMb() + "M) is missing";
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(Resolution.IGNORE, new Resolution("delete_disk_reference", "Delete disk reference (DANGEROUS!)"));
    }

    @Override
    public String autoResolution() {
      return Resolution.IGNORE.name();
    }

    @Override
    public void apply(String name, TaskContext ctx) throws Exception {
      switch (name) {
        case "ignore" -> {}
        case "delete_disk_reference" -> fixes.deleteDiskReference(instance, disk, ctx);
        default -> throw new ProblemHandlerException(unknownResolution(ProblemTypes.MISSING_DISK, name));
      }
    }
  }

  /** The instance has a disk that is not its active one. */
  record InactiveDisk(Instance instance, PersistentDisk disk, Fixes fixes) implements ProblemHandler {
    @Override
    public String description() {
      return "Disk '" + disk.cid() + "' (" + disk.sizeMb() + "M) for instance '" + label(instance) + "' is inactive";
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(Resolution.IGNORE, new Resolution("delete_disk", "Delete disk"), new Resolution("activate_disk", "Activate disk"));
    }

    @Override
    public String autoResolution() {
      return Resolution.IGNORE.name();
    }

    @Override
    public void apply(String name, TaskContext ctx) throws Exception {
      switch (name) {
        case "ignore" -> {}
        case "delete_disk" -> fixes.deleteDisk(instance, disk, ctx);
        case "activate_disk" -> fixes.activateDisk(instance, disk, ctx);
        default -> throw new ProblemHandlerException(unknownResolution(ProblemTypes.INACTIVE_DISK, name));
      }
    }
  }

  /** A problem whose resource is gone (or whose type is unknown): it can only be closed. */
  record InvalidProblem(Problem problem, String error) implements ProblemHandler {
    @Override
    public String description() {
      return "Problem (" + problem.type() + " " + problem.id() + ") is no longer valid: " + error;
    }

    @Override
    public List<Resolution> resolutions() {
      return List.of(new Resolution("close", "Close problem"));
    }

    @Override
    public String autoResolution() {
      return "close";
    }

    @Override
    public void apply(String name, TaskContext ctx) throws ProblemHandlerException {
      if (!name.equals("close")) {
        throw new ProblemHandlerException(unknownResolution(ProblemTypes.INVALID_PROBLEM, name));
      }
    }
  }
}
