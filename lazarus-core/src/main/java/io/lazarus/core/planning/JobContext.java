package io.lazarus.core.planning;

import io.lazarus.core.manifest.InstanceGroup;
import io.lazarus.core.manifest.ManifestJob;
import java.util.Map;

/** A manifest job whose release job was found, with its resolved properties: what link wiring works on. */
record JobContext(InstanceGroup group, ManifestJob job, JobSpec spec, String releaseVersion, Map<String, Object> properties) {
  /** {@code job 'web' in instance group 'web'}, the way messages name a job. */
  String describe() {
    return "job '" + job.name() + "' in instance group '" + group.name() + "'";
  }
}
