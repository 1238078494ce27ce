package io.lazarus.director.deploy;

import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.core.planning.PlannedInstanceGroup;

/**
 * The options of {@code POST /deployments} beyond the manifest, as BOSH's Director takes them and the bosh CLI's
 * {@code deploy} flags send them: {@code recreate}, {@code recreate_persistent_disks}, {@code fix}, {@code dry_run},
 * {@code skip_drain} ({@link SkipDrain}), and {@code canaries} / {@code max_in_flight}, which override every instance
 * group's update block for this deploy.
 *
 * @param canariesOverride a count or percentage ({@link CountOrPercent}), or null for the manifest's
 * @param maxInFlightOverride a count or percentage, or null for the manifest's
 */
record DeployOptions(boolean recreate, boolean recreatePersistentDisks, boolean fix, boolean dryRun, SkipDrain skipDrain, String canariesOverride,
    String maxInFlightOverride) {

  DeployOptions {
    skipDrain = skipDrain == null ? SkipDrain.NONE : skipDrain;
  }

  /** The group's canaries: the override resolved against the group's size as the planner resolves the manifest's. */
  int canaries(PlannedInstanceGroup group) {
    int size = group.instances().size();
    return canariesOverride == null ? group.update().canaries() : Math.min(CountOrPercent.parse(canariesOverride).resolve(size, 0), size);
  }

  int maxInFlight(PlannedInstanceGroup group) {
    int size = group.instances().size();
    return maxInFlightOverride == null ? group.update().maxInFlight() : Math.max(1, Math.min(CountOrPercent.parse(maxInFlightOverride).resolve(size, 1), size));
  }
}
