package io.lazarus.director.cleanup;

import io.lazarus.core.json.Json;
import io.lazarus.director.cleanup.CleanupPlan.ReleaseVersions;
import io.lazarus.director.cleanup.CleanupPlan.StemcellVersion;
import io.lazarus.director.instances.OrphanDisks.OrphanDisk;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.TaskContext;
import java.util.List;

/**
 * Task {@code delete_artifacts} ({@code clean up} / {@code clean up all}), as BOSH runs it: picks what is unused
 * (see {@link CleanupPicker}), then deletes release versions, stemcells and orphaned disks in BOSH's stages and
 * order, each through its own deletion job. Lazarus has no orphaned VMs, exported releases or DNS blobs, and
 * deletes a stemcell's compiled packages with it, so those counts of BOSH's result line stay 0.
 */
public final class CleanupArtifactsJob implements Job {
  public static final String TYPE = "delete_artifacts";

  private final CleanupOptions options;
  private final CleanupPicker picker;
  private final ArtifactDeleters deleters;

  private CleanupArtifactsJob(CleanupOptions options, CleanupPicker picker, ArtifactDeleters deleters) {
    this.options = options;
    this.picker = picker;
    this.deleters = deleters;
  }

  public static JobFactory factory(CleanupPicker picker, ArtifactDeleters deleters) {
    return task -> new CleanupArtifactsJob(Json.read(task.payload(), CleanupOptions.class), picker, deleters);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    CleanupPlan plan = picker.pick(options);
    EventLog.Stage releaseStage = ctx.events().stage("Deleting releases", plan.releaseVersionCount(), List.of());
    for (ReleaseVersions release : plan.releases()) {
      for (String version : release.versions()) {
        releaseStage.track(release.name() + "/" + version, () -> deleters.releaseVersion(release.name(), version).perform(ctx));
        ctx.checkpoint();
      }
    }
    EventLog.Stage stemcellStage = ctx.events().stage("Deleting stemcells", plan.stemcells().size(), List.of());
    for (StemcellVersion stemcell : plan.stemcells()) {
      stemcellStage.track(stemcell.name() + "/" + stemcell.version(), () -> deleters.stemcell(stemcell.name(), stemcell.version()).perform(ctx));
      ctx.checkpoint();
    }
    if (!plan.orphanDisks().isEmpty()) {
      // The orphan deletion job's own stage is BOSH's "Deleting orphaned disks", one step per disk.
      deleters.orphanDisks(plan.orphanDisks().stream().map(OrphanDisk::cid).toList()).perform(ctx);
    }
    return "Deleted " + plan.releaseVersionCount() + " release(s), " + plan.stemcells().size() + " stemcell(s), 0 extra compiled package(s), "
        + plan.orphanDisks().size() + " orphaned disk(s), 0 orphaned vm(s), 0 exported release(s)";
  }
}
