package io.lazarus.director.releases;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Checks an unpacked release before anything is stored: release.MF; every archive against its digest; each package
 * archive unpacks safely and has a {@code packaging} script; each job archive has job.MF and monit, its templates
 * exist and the packages it needs are in the release; package dependencies are in the release. Each failure names
 * the archive, file and field.
 */
final class ReleaseVerifier {
  private final TarballExtractor extractor;
  private final Predicate<String> knownFingerprint;

  /**
   * @param knownFingerprint whether the Director already has a package with this fingerprint (then its archive may be
   *     left out of the tarball, as {@code bosh upload-release} does after {@code POST /packages/matches})
   */
  ReleaseVerifier(TarballExtractor extractor, Predicate<String> knownFingerprint) {
    this.extractor = extractor;
    this.knownFingerprint = knownFingerprint;
  }

  static ReleaseManifest readManifest(Path releaseDir) throws IOException {
    Path file = releaseDir.resolve(ReleaseManifest.FILE);
    if (!Files.isRegularFile(file)) {
      throw new DirectorException(ErrorCode.RELEASE_MANIFEST_NOT_FOUND, "Release manifest not found: the tarball has no " + ReleaseManifest.FILE);
    }
    String text = Files.readString(file);
    try {
      return ReleaseManifest.parse(YamlDocument.parse(ReleaseManifest.FILE, text), text);
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.RELEASE_INVALID_ARCHIVE, e.getMessage());
    }
  }

  /** Verifies the release unpacked in {@code releaseDir}, using {@code scratch} to unpack the inner archives. */
  VerifiedRelease verify(Path releaseDir, ReleaseManifest manifest, Path scratch) throws IOException {
    Set<String> packageNames = manifest.packages().stream().map(ReleaseManifest.PackageEntry::name).collect(Collectors.toSet());
    Map<String, Path> packageArchives = new LinkedHashMap<>();
    for (ReleaseManifest.PackageEntry pkg : manifest.packages()) {
      for (String dependency : pkg.dependencies()) {
        if (!packageNames.contains(dependency)) {
          throw new DirectorException(ErrorCode.RELEASE_INVALID_PACKAGE, "package '" + pkg.name() + "' depends on '" + dependency + "', which is not in the release");
        }
      }
      String entry = "packages/" + pkg.name() + ".tgz";
      Path archive = releaseDir.resolve(entry);
      if (Files.isRegularFile(archive)) {
        checkDigest(archive, entry, pkg.sha1());
        checkPackage(archive, entry, scratch.resolve(entry));
        packageArchives.put(pkg.name(), archive);
      } else if (!knownFingerprint.test(pkg.fingerprint())) {
        throw new DirectorException(
            ErrorCode.RELEASE_INVALID_PACKAGE,
            "package '" + pkg.name() + "/" + pkg.version() + "' is not in the tarball (" + entry + ") and the director has no package with fingerprint " + pkg.fingerprint());
      }
    }
    Map<String, Path> jobArchives = new LinkedHashMap<>();
    Map<String, JobSpec> specs = new LinkedHashMap<>();
    for (ReleaseManifest.JobEntry job : manifest.jobs()) {
      String entry = "jobs/" + job.name() + ".tgz";
      Path archive = releaseDir.resolve(entry);
      if (!Files.isRegularFile(archive)) {
        throw new DirectorException(ErrorCode.JOB_INVALID_ARCHIVE, "job '" + job.name() + "' is listed in " + ReleaseManifest.FILE + " but " + entry + " is not in the tarball");
      }
      checkDigest(archive, entry, job.sha1());
      specs.put(job.name(), checkJob(job, archive, entry, scratch.resolve(entry), packageNames));
      jobArchives.put(job.name(), archive);
    }
    return new VerifiedRelease(manifest, packageArchives, jobArchives, specs);
  }

  private static void checkDigest(Path archive, String entry, String expected) throws IOException {
    if (!Digests.matches(archive, expected)) {
      throw new DirectorException(
          ErrorCode.RELEASE_SHA1_DOES_NOT_MATCH, entry + " does not match its digest in " + ReleaseManifest.FILE + ": expected " + expected + ", got " + Digests.sha1(archive));
    }
  }

  private void checkPackage(Path archive, String entry, Path dir) throws IOException {
    try {
      extractor.extract(archive, dir, entry);
      if (!Files.isRegularFile(dir.resolve("packaging"))) {
        throw new DirectorException(ErrorCode.PACKAGE_INVALID_ARCHIVE, entry + " has no 'packaging' script");
      }
    } catch (UnsafeArchiveException e) {
      throw new DirectorException(ErrorCode.PACKAGE_INVALID_ARCHIVE, "Extracting " + entry + " failed: " + e.getMessage());
    } finally {
      FileTrees.deleteRecursively(dir);
    }
  }

  private JobSpec checkJob(ReleaseManifest.JobEntry job, Path archive, String entry, Path dir, Set<String> packageNames) throws IOException {
    try {
      extractor.extract(archive, dir, entry);
      Path specFile = dir.resolve(JobSpec.FILE);
      if (!Files.isRegularFile(specFile)) {
        throw new DirectorException(ErrorCode.JOB_MISSING_MANIFEST, "Missing job manifest for '" + job.name() + "': " + entry + " has no " + JobSpec.FILE);
      }
      JobSpec spec;
      try {
        spec = JobSpec.parse(YamlDocument.parse(entry + ": " + JobSpec.FILE, Files.readString(specFile)));
      } catch (YamlException e) {
        throw new DirectorException(ErrorCode.JOB_INVALID_ARCHIVE, e.getMessage());
      }
      if (!spec.name().equals(job.name())) {
        throw new DirectorException(ErrorCode.JOB_INVALID_ARCHIVE, entry + ": " + JobSpec.FILE + " names the job '" + spec.name() + "', but " + ReleaseManifest.FILE + " calls it '" + job.name() + "'");
      }
      if (!Files.isRegularFile(dir.resolve("monit"))) {
        throw new DirectorException(ErrorCode.JOB_MISSING_MONIT, "Missing monit file for job '" + job.name() + "': " + entry + " has no 'monit'");
      }
      Path templates = dir.resolve("templates").normalize();
      for (String source : spec.templates().keySet()) {
        Path template = templates.resolve(source).normalize();
        if (!template.startsWith(templates) || !Files.isRegularFile(template)) {
          throw new DirectorException(ErrorCode.JOB_MISSING_TEMPLATE_FILE, "Missing template file '" + source + "' for job '" + job.name() + "' in " + entry);
        }
      }
      for (String pkg : spec.packages()) {
        if (!packageNames.contains(pkg)) {
          throw new DirectorException(ErrorCode.JOB_MISSING_PACKAGE, "Job '" + job.name() + "' requires package '" + pkg + "', which is not in the release");
        }
      }
      return spec;
    } catch (UnsafeArchiveException e) {
      throw new DirectorException(ErrorCode.JOB_INVALID_ARCHIVE, "Extracting " + entry + " failed: " + e.getMessage());
    } finally {
      FileTrees.deleteRecursively(dir);
    }
  }
}
