package io.lazarus.director.cloudcheck;

import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import java.util.List;

/**
 * Builds the handler of a stored problem from what the Director knows now; a problem whose instance, VM or disk is
 * gone becomes BOSH's {@code invalid_problem}, which can only be closed.
 */
final class ProblemHandlers {
  private final CloudCheckServices services;
  private final Fixes fixes;

  ProblemHandlers(CloudCheckServices services, Fixes fixes) {
    this.services = services;
    this.fixes = fixes;
  }

  ProblemHandler of(Problem problem) {
    try {
      return switch (problem.type()) {
        case ProblemTypes.MISSING_VM -> {
          Instance instance = instance(problem.resourceId());
          yield new Handlers.MissingVm(instance, services.vms().activeFor(instance.id()), fixes);
        }
        case ProblemTypes.UNRESPONSIVE_AGENT -> {
          Instance instance = instance(problem.resourceId());
          Vm vm = services.vms().activeFor(instance.id()).orElseThrow(() -> new NoLongerValid("instance '" + Handlers.label(instance) + "' has no VM"));
          yield new Handlers.UnresponsiveAgent(instance, vm, fixes);
        }
        case ProblemTypes.MOUNT_INFO_MISMATCH -> {
          PersistentDisk disk = disk(problem.resourceId());
          Instance instance = instance(disk.instanceId());
          Vm vm = services.vms().activeFor(instance.id()).filter(v -> v.cid() != null)
              .orElseThrow(() -> new NoLongerValid("Can't find corresponding vm-cid for disk '" + disk.cid() + "'"));
          yield new Handlers.MountInfoMismatch(instance, vm, disk, ownerVms(problem), fixes);
        }
        case ProblemTypes.MISSING_DISK -> {
          PersistentDisk disk = disk(problem.resourceId());
          yield new Handlers.MissingDisk(instance(disk.instanceId()), disk, fixes);
        }
        case ProblemTypes.INACTIVE_DISK -> {
          PersistentDisk disk = disk(problem.resourceId());
          if (disk.active()) {
            throw new NoLongerValid("Disk '" + disk.cid() + "' is no longer inactive");
          }
          yield new Handlers.InactiveDisk(instance(disk.instanceId()), disk, fixes);
        }
        default -> throw new NoLongerValid("unknown problem type '" + problem.type() + "'");
      };
    } catch (NoLongerValid e) {
      return new Handlers.InvalidProblem(problem, e.getMessage());
    }
  }

  private Instance instance(long id) {
    return services.instances().find(id).orElseThrow(() -> new NoLongerValid("instance " + id + " is no longer in the database"));
  }

  private PersistentDisk disk(long id) {
    return services.disks().find(id).orElseThrow(() -> new NoLongerValid("disk " + id + " is no longer in the database"));
  }

  private static List<String> ownerVms(Problem problem) {
    return problem.data().get("owner_vms") instanceof List<?> owners ? owners.stream().map(String::valueOf).toList() : List.of();
  }

  /** The problem's resource is gone. */
  private static final class NoLongerValid extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NoLongerValid(String message) {
      super(message);
    }
  }
}
