package io.lazarus.core.planning;

import java.util.List;
import java.util.Optional;

/**
 * Everything the Director needs to converge a deployment, decided before anything is changed.
 *
 * @param instancesToDelete existing instances the manifest no longer wants: the highest indexes of a group that
 *     shrank, and every instance of a group that is gone. Their addresses (like any address an existing instance
 *     gives up) are not handed to other instances in the same deploy, so a new VM never collides with an old one
 *     that is still being deleted or recreated.
 */
public record DeploymentPlan(
    String name,
    List<ResolvedRelease> releases,
    List<ResolvedStemcell> stemcells,
    List<PlannedInstanceGroup> instanceGroups,
    List<InstanceId> instancesToDelete) {

  public Optional<PlannedInstanceGroup> instanceGroup(String groupName) {
    return instanceGroups.stream().filter(g -> g.name().equals(groupName)).findFirst();
  }
}
