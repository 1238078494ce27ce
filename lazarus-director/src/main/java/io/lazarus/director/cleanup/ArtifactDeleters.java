package io.lazarus.director.cleanup;

import io.lazarus.director.tasks.Job;
import java.util.List;

/**
 * The existing deletion jobs clean-up runs inside its own task (delete release version, delete stemcell, delete
 * orphan disks), each unforced, so each still refuses what a deployment took up meanwhile.
 */
public interface ArtifactDeleters {
  Job releaseVersion(String name, String version);

  Job stemcell(String name, String version);

  Job orphanDisks(List<String> cids);
}
