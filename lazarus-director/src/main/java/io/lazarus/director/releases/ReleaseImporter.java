package io.lazarus.director.releases;

import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.releases.ReleaseImport.BlobSwap;
import io.lazarus.director.releases.ReleaseImport.NewArtifact;
import io.lazarus.director.releases.ReleaseImport.Table;
import io.lazarus.director.releases.ReleaseManifest.JobEntry;
import io.lazarus.director.releases.ReleaseManifest.PackageEntry;
import io.lazarus.director.releases.ReleaseRows.JobRow;
import io.lazarus.director.releases.ReleaseRows.PackageRow;
import io.lazarus.director.releases.ReleaseRows.VersionRow;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Stores a verified release as BOSH's update_release.rb does: package and job rows of the release with the same
 * name and version are reused, new ones get a blob (from the tarball, or a copy of a known package with the same
 * fingerprint), and with {@code fix} reused rows get their blob replaced from the tarball. Blobs are written first,
 * then all rows in one transaction; if anything fails the new blobs are deleted, so nothing half-made is left.
 * One task's thread; the caller holds the release lock.
 */
final class ReleaseImporter {
  private final Releases releases;
  private final Blobstore blobstore;
  private final TaskContext ctx;
  private final List<String> createdBlobs = new ArrayList<>();
  private final List<String> replacedBlobs = new ArrayList<>();

  ReleaseImporter(Releases releases, Blobstore blobstore, TaskContext ctx) {
    this.releases = releases;
    this.blobstore = blobstore;
    this.ctx = ctx;
  }

  /** Imports the release and returns the version it was stored as (another one when rebased). */
  String importRelease(VerifiedRelease release, boolean fix, boolean rebase) throws Exception {
    ReleaseManifest manifest = release.manifest();
    Optional<Long> releaseId = releases.releaseId(manifest.name());
    String version = manifest.version();
    if (rebase && releaseId.isPresent()) {
      List<String> existing = releases.versions(releaseId.get()).stream().map(VersionRow::version).toList();
      version = SemiSemanticVersion.rebase(SemiSemanticVersion.parse(version).orElseThrow(), existing);
    }
    String label = manifest.name() + "/" + version;
    Optional<VersionRow> existingVersion = releaseId.flatMap(id -> releases.version(id, manifest.version()));
    if (existingVersion.isPresent() && !rebase) {
      checkSameCommit(existingVersion.get(), manifest, label);
    }
    ctx.events().track("Resolving package dependencies", "Resolving package dependencies", () -> {
      PackageGraph.checkAcyclic(manifest.packages());
      return null;
    });
    Map<String, PackageRow> releasePackages = releaseId.map(releases::packagesOfRelease).orElse(List.of()).stream().collect(Collectors.toMap(p -> p.name() + "/" + p.version(), Function.identity()));
    Map<String, JobRow> releaseJobs = releaseId.map(releases::jobsOfRelease).orElse(List.of()).stream().collect(Collectors.toMap(j -> j.name() + "/" + j.version(), Function.identity()));
    if (existingVersion.isPresent() && !rebase) {
      checkSameFingerprints(existingVersion.get().id(), manifest, label);
    }
    try {
      ReleaseImport plan = plan(release, version, releasePackages, releaseJobs, fix);
      ctx.checkpoint();
      ctx.events().track("Release has been created", label, () -> {
        releases.save(plan);
        return null;
      });
    } catch (Exception e) {
      createdBlobs.forEach(blobstore::delete);
      throw e;
    }
    for (String blob : replacedBlobs) {
      try {
        blobstore.delete(blob);
      } catch (RuntimeException e) {
        ctx.events().warning("could not delete replaced blob " + blob + ": " + e.getMessage());
      }
    }
    return version;
  }

  private static void checkSameCommit(VersionRow existing, ReleaseManifest manifest, String label) {
    if (!existing.commitHash().equals(manifest.commitHash()) || existing.uncommittedChanges() != manifest.uncommittedChanges()) {
      throw new DirectorException(
          ErrorCode.RELEASE_VERSION_COMMIT_HASH_MISMATCH,
          "release '" + label + "' has already been uploaded with commit_hash as '" + existing.commitHash() + "' and uncommitted_changes as '" + existing.uncommittedChanges() + "'");
    }
  }

  /** A re-upload of a version may not change what a package or job of that version is. */
  private void checkSameFingerprints(long versionId, ReleaseManifest manifest, String label) {
    Map<String, String> packages = releases.packagesOf(versionId).stream().collect(Collectors.toMap(PackageRow::name, PackageRow::fingerprint));
    for (PackageEntry pkg : manifest.packages()) {
      if (packages.containsKey(pkg.name()) && !packages.get(pkg.name()).equals(pkg.fingerprint())) {
        throw new DirectorException(ErrorCode.RELEASE_INVALID_PACKAGE, "package '" + pkg.name() + "' had different fingerprint in previously uploaded release '" + label + "'");
      }
    }
    Map<String, String> jobs = releases.jobsOf(versionId).stream().collect(Collectors.toMap(JobRow::name, JobRow::fingerprint));
    for (JobEntry job : manifest.jobs()) {
      if (jobs.containsKey(job.name()) && !jobs.get(job.name()).equals(job.fingerprint())) {
        throw new DirectorException(ErrorCode.RELEASE_EXISTING_JOB_FINGERPRINT_MISMATCH, "job '" + job.name() + "' had different fingerprint in previously uploaded release '" + label + "'");
      }
    }
  }

  private ReleaseImport plan(VerifiedRelease release, String version, Map<String, PackageRow> releasePackages, Map<String, JobRow> releaseJobs, boolean fix) throws Exception {
    ReleaseManifest manifest = release.manifest();
    List<PackageEntry> newPackageEntries = new ArrayList<>();
    List<Long> reusedPackages = new ArrayList<>();
    List<BlobSwap> swaps = new ArrayList<>();
    for (PackageEntry pkg : manifest.packages()) {
      PackageRow existing = releasePackages.get(pkg.name() + "/" + pkg.version());
      if (existing == null) {
        newPackageEntries.add(pkg);
      } else if (!existing.fingerprint().equals(pkg.fingerprint())) {
        throw new DirectorException(
            ErrorCode.RELEASE_INVALID_PACKAGE, "package '" + pkg.name() + "/" + pkg.version() + "' already exists in release '" + manifest.name() + "' with fingerprint " + existing.fingerprint() + ", not " + pkg.fingerprint());
      } else {
        reusedPackages.add(existing.id());
        Optional<Path> archive = release.packageArchive(pkg.name());
        if (fix && archive.isPresent()) {
          swaps.add(new BlobSwap(Table.PACKAGES, existing.id(), pkg.sha1(), replace(existing.blobstoreId(), archive.get())));
        }
      }
    }
    List<NewArtifact> newPackages = new ArrayList<>();
    EventLog.Stage packageStage = ctx.events().stage("Creating new packages", newPackageEntries.size(), List.of());
    for (PackageEntry pkg : newPackageEntries) {
      newPackages.add(packageStage.track(pkg.name() + "/" + pkg.version(), () -> newPackage(release, pkg)));
      ctx.checkpoint();
    }
    if (!reusedPackages.isEmpty()) {
      ctx.events().track("Processing " + reusedPackages.size() + " existing package" + (reusedPackages.size() > 1 ? "s" : ""), "Processing existing packages", () -> null);
    }
    List<JobEntry> newJobEntries = new ArrayList<>();
    List<Long> reusedJobs = new ArrayList<>();
    for (JobEntry job : manifest.jobs()) {
      JobRow existing = releaseJobs.get(job.name() + "/" + job.version());
      if (existing == null) {
        newJobEntries.add(job);
      } else {
        reusedJobs.add(existing.id());
        if (fix) {
          swaps.add(new BlobSwap(Table.JOBS, existing.id(), job.sha1(), replace(existing.blobstoreId(), release.jobArchives().get(job.name()))));
        }
      }
    }
    List<NewArtifact> newJobs = new ArrayList<>();
    EventLog.Stage jobStage = ctx.events().stage("Creating new jobs", newJobEntries.size(), List.of());
    for (JobEntry job : newJobEntries) {
      String spec = Json.write(release.jobSpecs().get(job.name()).raw());
      newJobs.add(jobStage.track(job.name() + "/" + job.version(), () -> new NewArtifact(job.name(), job.version(), job.fingerprint(), job.sha1(), put(release.jobArchives().get(job.name())), spec)));
      ctx.checkpoint();
    }
    if (!reusedJobs.isEmpty()) {
      ctx.events().track("Processing " + reusedJobs.size() + " existing job" + (reusedJobs.size() > 1 ? "s" : ""), "Processing existing jobs", () -> null);
    }
    return new ReleaseImport(manifest, version, newPackages, reusedPackages, newJobs, reusedJobs, swaps);
  }

  private NewArtifact newPackage(VerifiedRelease release, PackageEntry pkg) throws IOException {
    String dependencies = Json.write(pkg.dependencies());
    Optional<Path> archive = release.packageArchive(pkg.name());
    if (archive.isPresent()) {
      return new NewArtifact(pkg.name(), pkg.version(), pkg.fingerprint(), pkg.sha1(), put(archive.get()), dependencies);
    }
    PackageRow known =
        releases.packageByFingerprint(pkg.fingerprint())
            .orElseThrow(() -> new DirectorException(ErrorCode.RELEASE_INVALID_PACKAGE, "package '" + pkg.name() + "/" + pkg.version() + "' is not in the tarball and the director no longer has fingerprint " + pkg.fingerprint()));
    return new NewArtifact(pkg.name(), pkg.version(), pkg.fingerprint(), known.sha1(), put(blobstore.path(known.blobstoreId())), dependencies);
  }

  private String put(Path file) throws IOException {
    String id = blobstore.put(file);
    createdBlobs.add(id);
    return id;
  }

  private String replace(String oldBlob, Path file) throws IOException {
    String id = put(file);
    replacedBlobs.add(oldBlob);
    return id;
  }
}
