package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.fixtures.ReleaseTarball;
import io.lazarus.director.fixtures.TarballBuilder;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Broken and hostile release tarballs fail their task with a clear message and leave no blob, row or file. */
class BadReleaseUploadsIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void badTarballsFailTheTaskAndLeaveNothing(DatabaseKind kind) throws Exception {
    Map<ReleaseTarball, String> cases = new LinkedHashMap<>();
    cases.put(ReleaseTarball.demo("r", "1").withoutManifest(), "Release manifest not found");
    cases.put(ReleaseTarball.demo("r", "1").wrongDigest("packages/app.tgz"), "packages/app.tgz does not match its digest in release.MF");
    cases.put(ReleaseTarball.demo("r", "1").withEntry("../evil", "x"), "entry '../evil' contains '..'");
    cases.put(ReleaseTarball.demo("r", "1").withSymlink("jobs/passwd", "/etc/passwd"), "links to '/etc/passwd', outside the archive");
    cases.put(ReleaseTarball.demo("r", "1").replaceArchive("jobs/web.tgz", new TarballBuilder().file("monit", "")), "Missing job manifest for 'web'");
    cases.put(ReleaseTarball.demo("r", "1").replaceArchive("jobs/web.tgz", new TarballBuilder().file("job.MF", "name: web\n").file("monit", "").symlink("t", "../../../../etc")), "outside the archive");
    cases.put(ReleaseTarball.demo("r", "1").without("packages/ruby.tgz"), "is not in the tarball (packages/ruby.tgz) and the director has no package with fingerprint");
    cases.put(ReleaseTarball.demo("r", "1").manifest("name: r\nversion: 1\njobs: {web: 1}\n"), "release.MF: line 3: 'jobs': expected a list, got a mapping");
    cases.put(ReleaseTarball.of("r", "1").pkg("a", "a", "b").pkg("b", "b", "a"), "Cycle found in package dependencies");
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      int n = 0;
      for (Map.Entry<ReleaseTarball, String> c : cases.entrySet()) {
        Path file = c.getKey().writeTo(dir.resolve("case" + n++ + ".tgz"));
        assertThat(Tasks.failed(api, api.postFile("/releases", TARBALL, file))).contains(c.getValue());
      }
      assertThat(api.jsonArray(api.get("/releases"))).isEmpty();
      assertThat(Tasks.filesUnder(director.services().store().blobstore())).isEmpty();
      assertThat(Tasks.filesUnder(director.services().store().uploads())).isEmpty();
      assertThat(Files.exists(dir.resolve("evil"))).isFalse();
      int rows = director.services().database().jdbi().withHandle(h -> h.createQuery("SELECT (SELECT COUNT(*) FROM releases) + (SELECT COUNT(*) FROM packages) + (SELECT COUNT(*) FROM jobs)").mapTo(Integer.class).one());
      assertThat(rows).isZero();
    }
  }
}
