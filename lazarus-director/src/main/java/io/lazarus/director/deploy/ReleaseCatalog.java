package io.lazarus.director.deploy;

import io.lazarus.core.planning.AvailableRelease;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.releases.JobSpec;
import io.lazarus.director.releases.ReleaseRows.JobRow;
import io.lazarus.director.releases.ReleaseRows.PackageRow;
import io.lazarus.director.releases.ReleaseRows.ReleaseRow;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import io.lazarus.director.releases.Releases;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The uploaded releases as the deployer needs them: job specs for planning, jobs and packages for a deploy. */
final class ReleaseCatalog {
  private final Releases releases;

  ReleaseCatalog(Releases releases) {
    this.releases = releases;
  }

  /** One release version's jobs (with their parsed specs) and packages, by name. */
  record ReleaseContent(String name, String version, long versionId, Map<String, ReleaseJob> jobs, Map<String, PackageRow> packages) {}

  /** A job of a release version and its spec. */
  record ReleaseJob(JobRow row, JobSpec spec) {}

  List<AvailableRelease> available() {
    List<AvailableRelease> available = new ArrayList<>();
    for (ReleaseRow release : releases.list()) {
      for (VersionRow version : releases.versions(release.id())) {
        List<io.lazarus.core.planning.JobSpec> specs = releases.jobsOf(version.id()).stream().map(job -> PlannerJobSpecs.of(spec(job))).toList();
        available.add(new AvailableRelease(release.name(), version.version(), specs));
      }
    }
    return available;
  }

  ReleaseContent content(String name, String version) {
    long releaseId = releases.releaseId(name).orElseThrow(() -> new IllegalStateException("release '" + name + "' vanished while deploying"));
    VersionRow row = releases.version(releaseId, version).orElseThrow(() -> new IllegalStateException("release '" + name + "/" + version + "' vanished while deploying"));
    Map<String, ReleaseJob> jobs = new LinkedHashMap<>();
    for (JobRow job : releases.jobsOf(row.id())) {
      jobs.put(job.name(), new ReleaseJob(job, spec(job)));
    }
    Map<String, PackageRow> packages = new LinkedHashMap<>();
    for (PackageRow pkg : releases.packagesOf(row.id())) {
      packages.put(pkg.name(), pkg);
    }
    return new ReleaseContent(name, version, row.id(), jobs, packages);
  }

  /** The job's stored spec (job.MF, kept as JSON, which is YAML too). */
  private static JobSpec spec(JobRow job) {
    return JobSpec.parse(YamlDocument.parse("job '" + job.name() + "' spec", job.spec()));
  }
}
