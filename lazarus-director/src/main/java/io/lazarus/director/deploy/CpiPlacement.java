package io.lazarus.director.deploy;

import io.lazarus.core.cloudconfig.Az;
import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.planning.DeploymentPlan;
import io.lazarus.core.planning.InstanceId;
import io.lazarus.core.planning.PlannedInstance;
import io.lazarus.core.planning.PlannedInstanceGroup;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.stemcells.Stemcell;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Which CPI makes an instance's VMs, as BOSH's cloud factory decides: the CPI its AZ names in the cloud-config
 * ({@code azs[].cpi}), else (no AZ, or an AZ that names none) the Director's own CPI. Compilation VMs go to the CPI of
 * {@code compilation.az}. The VM boots the copy of its stemcell that this CPI has.
 */
final class CpiPlacement {
  private final Cpis cpis;
  private final Optional<CloudConfig> cloud;

  /** With {@code cloud} empty (no cloud-config) every VM goes to the Director's own CPI. */
  CpiPlacement(Cpis cpis, Optional<CloudConfig> cloud) {
    this.cpis = cpis;
    this.cloud = cloud;
  }

  /** The name of the CPI that makes the VMs of an instance in {@code az}. */
  String cpiFor(Optional<String> az) {
    return azCpi(az).orElse(cpis.defaultName());
  }

  /** The CPI of the compilation VMs. */
  String compilationCpi() {
    return cpiFor(cloud.flatMap(c -> c.compilation().az()));
  }

  private Optional<String> azCpi(Optional<String> az) {
    return az.flatMap(name -> cloud.flatMap(c -> c.az(name))).flatMap(Az::cpi);
  }

  /** The copy of a stemcell (its rows, one per CPI) that {@code cpi} has, as a VM boots it. */
  Optional<VmCreator.Stemcell> bootStemcell(List<Stemcell> copies, String cpi) {
    return copies.stream()
        .filter(copy -> cpis.canonical(copy.cpi()).equals(cpi))
        .findFirst()
        .map(copy -> new VmCreator.Stemcell(cpi, copy.cid(), copy.name() + "/" + copy.version()));
  }

  /**
   * What keeps {@code plan} from being deployed here, before any VM exists: an AZ it uses that names a CPI that is not
   * configured, a stemcell missing from a CPI that would boot it, and an instance whose persistent disk is in another
   * CPI than its AZ now names (a disk cannot move between clouds).
   *
   * @param stemcells the rows of each stemcell alias of the plan
   * @param disksOf the persistent disks of an existing instance (none for a new one)
   */
  List<String> problems(DeploymentPlan plan, Map<String, List<Stemcell>> stemcells, Function<InstanceId, List<PersistentDisk>> disksOf) {
    Set<String> problems = new LinkedHashSet<>();
    Optional<String> compilationAz = cloud.flatMap(c -> c.compilation().az());
    checkAz(compilationAz, "compilation", problems);
    for (PlannedInstanceGroup group : plan.instanceGroups()) {
      List<Stemcell> copies = stemcells.getOrDefault(group.stemcell().alias(), List.of());
      String label = group.stemcell().name() + "/" + group.stemcell().version();
      String compiler = compilationCpi();
      if (cpis.isKnown(compiler) && bootStemcell(copies, compiler).isEmpty()) {
        problems.add("compilation: stemcell '" + label + "' of instance group '" + group.name() + "' is not in CPI '" + compiler + "'" + compilationAz.map(az -> " (az '" + az + "')").orElse("")
            + "; upload the stemcell again: an upload adds it to every CPI that lacks it");
      }
      for (PlannedInstance instance : group.instances()) {
        checkAz(instance.az(), "instance group '" + group.name() + "'", problems);
        String cpi = cpiFor(instance.az());
        if (!cpis.isKnown(cpi)) {
          continue;
        }
        if (bootStemcell(copies, cpi).isEmpty()) {
          problems.add("instance group '" + group.name() + "': stemcell '" + label + "' is not in CPI '" + cpi + "'" + instance.az().map(az -> " (az '" + az + "')").orElse("")
              + "; upload the stemcell again: an upload adds it to every CPI that lacks it");
        }
        for (PersistentDisk disk : disksOf.apply(instance.id())) {
          if (!cpis.canonical(disk.cpi()).equals(cpi)) {
            problems.add("instance '" + group.name() + "/" + instance.id().index() + "': its persistent disk '" + disk.cid() + "' is in CPI '" + cpis.canonical(disk.cpi())
                + "', but its az '" + instance.az().orElse("") + "' now names CPI '" + cpi + "'; a disk cannot move between CPIs");
          }
        }
      }
    }
    return new ArrayList<>(problems);
  }

  private void checkAz(Optional<String> az, String user, Set<String> problems) {
    Optional<String> cpi = azCpi(az);
    if (cpi.isPresent() && !cpis.isKnown(cpi.get())) {
      problems.add(user + ": az '" + az.orElseThrow() + "' names cpi '" + cpi.get() + "', which is not configured (" + configured() + ")");
    }
  }

  private String configured() {
    List<String> named = cpis.config().names();
    return named.isEmpty() ? "there is no cpi config; upload one with 'update-cpi-config'" : "the cpi config has " + String.join(", ", named);
  }
}
