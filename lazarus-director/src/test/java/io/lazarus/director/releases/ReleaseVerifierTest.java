package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.TarballBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.function.Predicate;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseVerifierTest {
  private static final TarballExtractor EXTRACTOR = new TarballExtractor(64L << 20);

  @TempDir Path tmp;

  private VerifiedRelease verify(ReleaseTarball tarball, Predicate<String> known) throws Exception {
    Path dir = Files.createTempDirectory(tmp, "case");
    Path unpacked = dir.resolve("release");
    EXTRACTOR.extract(tarball.writeTo(dir.resolve("release.tgz")), unpacked, "release tarball");
    return new ReleaseVerifier(EXTRACTOR, known).verify(unpacked, ReleaseVerifier.readManifest(unpacked), dir.resolve("scratch"));
  }

  private AbstractThrowableAssert<?, ? extends Throwable> assertFails(ReleaseTarball tarball, ErrorCode code) {
    return assertThatThrownBy(() -> verify(tarball, fingerprint -> false))
        .isInstanceOfSatisfying(DirectorException.class, e -> assertThat(e.code()).isEqualTo(code.code()));
  }

  @Test
  void acceptsAGoodReleaseWithSha1OrSha256DigestsAndParsesItsJobSpecs() throws Exception {
    VerifiedRelease release = verify(ReleaseTarball.demo("demo", "1"), f -> false);
    assertThat(release.packageArchives()).containsOnlyKeys("ruby", "app");
    assertThat(release.jobSpecs().get("web").templates()).containsEntry("ctl.erb", "bin/ctl");
    assertThat(release.jobSpecs().get("web").packages()).containsExactly("ruby", "app");
    assertThat(release.jobSpecs().get("web").provides()).hasSize(1);
    assertThat(verify(ReleaseTarball.demo("demo", "2").sha256(), f -> false).jobArchives()).containsOnlyKeys("web");
    try (var scratch = Files.walk(tmp)) {
      assertThat(scratch.filter(p -> p.toString().contains("scratch/") && Files.isRegularFile(p)).toList()).as("inner archives are unpacked and removed").isEmpty();
    }
  }

  @Test
  void aPackageMayBeLeftOutOnlyWhenTheDirectorHasItsFingerprint() throws Exception {
    ReleaseTarball withoutRuby = ReleaseTarball.demo("demo", "1").without("packages/ruby.tgz");
    Set<String> known = Set.of(ReleaseTarball.fingerprint("ruby 3.3"));
    assertThat(verify(withoutRuby, known::contains).packageArchive("ruby")).isEmpty();
    assertFails(withoutRuby, ErrorCode.RELEASE_INVALID_PACKAGE).hasMessageContaining("package 'ruby/").hasMessageContaining("is not in the tarball (packages/ruby.tgz)");
  }

  @Test
  void refusesAWrongDigest() {
    assertFails(ReleaseTarball.demo("demo", "1").wrongDigest("jobs/web.tgz"), ErrorCode.RELEASE_SHA1_DOES_NOT_MATCH).hasMessageContaining("jobs/web.tgz does not match its digest in release.MF");
    assertFails(ReleaseTarball.demo("demo", "1").wrongDigest("packages/app.tgz"), ErrorCode.RELEASE_SHA1_DOES_NOT_MATCH).hasMessageContaining("packages/app.tgz");
  }

  @Test
  void refusesAMissingManifestOrJobArchive() {
    assertFails(ReleaseTarball.demo("demo", "1").withoutManifest(), ErrorCode.RELEASE_MANIFEST_NOT_FOUND).hasMessageContaining("Release manifest not found");
    assertFails(ReleaseTarball.demo("demo", "1").without("jobs/web.tgz"), ErrorCode.JOB_INVALID_ARCHIVE).hasMessageContaining("jobs/web.tgz is not in the tarball");
  }

  @Test
  void checksEachJobArchive() {
    TarballBuilder noSpec = new TarballBuilder().file("monit", "").file("templates/ctl.erb", "");
    assertFails(ReleaseTarball.demo("demo", "1").replaceArchive("jobs/web.tgz", noSpec), ErrorCode.JOB_MISSING_MANIFEST).hasMessageContaining("jobs/web.tgz has no job.MF");
    TarballBuilder noMonit = new TarballBuilder().file("job.MF", "name: web\n");
    assertFails(ReleaseTarball.demo("demo", "1").replaceArchive("jobs/web.tgz", noMonit), ErrorCode.JOB_MISSING_MONIT);
    assertFails(ReleaseTarball.demo("demo", "1").jobSpec("web", "name: web\ntemplates: {missing.erb: bin/x}\n"), ErrorCode.JOB_MISSING_TEMPLATE_FILE).hasMessageContaining("'missing.erb'");
    assertFails(ReleaseTarball.demo("demo", "1").jobSpec("web", "name: web\ntemplates: {../../job.MF: bin/x}\n"), ErrorCode.JOB_MISSING_TEMPLATE_FILE);
    assertFails(ReleaseTarball.demo("demo", "1").jobSpec("web", "name: web\npackages: [java]\n"), ErrorCode.JOB_MISSING_PACKAGE).hasMessageContaining("requires package 'java'");
    assertFails(ReleaseTarball.demo("demo", "1").jobSpec("web", "name: web\ntemplates: [a, b]\n"), ErrorCode.JOB_INVALID_ARCHIVE)
        .hasMessageContaining("jobs/web.tgz: job.MF: line 2: 'templates': expected a mapping");
    assertFails(ReleaseTarball.demo("demo", "1").jobSpec("web", "name: api\n"), ErrorCode.JOB_INVALID_ARCHIVE).hasMessageContaining("names the job 'api'");
  }

  @Test
  void refusesHostileInnerArchivesAndMissingDependencies() {
    TarballBuilder evil = new TarballBuilder().file("job.MF", "name: web\n").file("monit", "").file("../evil", "x");
    assertFails(ReleaseTarball.demo("demo", "1").replaceArchive("jobs/web.tgz", evil), ErrorCode.JOB_INVALID_ARCHIVE).hasMessageContaining("contains '..'");
    TarballBuilder link = new TarballBuilder().file("packaging", "").symlink("passwd", "/etc/passwd");
    assertFails(ReleaseTarball.demo("demo", "1").replaceArchive("packages/ruby.tgz", link), ErrorCode.PACKAGE_INVALID_ARCHIVE).hasMessageContaining("outside the archive");
    assertFails(ReleaseTarball.demo("demo", "1").replaceArchive("packages/ruby.tgz", new TarballBuilder().file("src", "")), ErrorCode.PACKAGE_INVALID_ARCHIVE).hasMessageContaining("no 'packaging' script");
    assertFails(ReleaseTarball.of("demo", "1").pkg("app", "app", "ruby"), ErrorCode.RELEASE_INVALID_PACKAGE).hasMessageContaining("depends on 'ruby', which is not in the release");
  }
}
