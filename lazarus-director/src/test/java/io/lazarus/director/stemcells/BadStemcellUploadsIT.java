package io.lazarus.director.stemcells;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.fixtures.StemcellTarball;
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

/** Broken and hostile stemcell tarballs fail their task with a clear message and leave nothing behind. */
class BadStemcellUploadsIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void badTarballsFailTheTaskAndLeaveNothing(DatabaseKind kind) throws Exception {
    Map<StemcellTarball, String> cases = new LinkedHashMap<>();
    cases.put(StemcellTarball.of("s", "1").withoutManifest(), "Stemcell manifest not found");
    cases.put(StemcellTarball.of("s", "1").withoutImage(), "Stemcell image not found");
    cases.put(StemcellTarball.of("s", "1").sha1("0000000000000000000000000000000000000000"), "Stemcell image does not match the digest in stemcell.MF");
    cases.put(StemcellTarball.of("s", "1").withEntry("../evil", "x"), "entry '../evil' contains '..'");
    cases.put(StemcellTarball.of("s", "1").withEntry("/tmp/evil", "x"), "entry '/tmp/evil' has an absolute path");
    cases.put(StemcellTarball.of("s", "1").withSymlink("passwd", "/etc/passwd"), "links to '/etc/passwd', outside the archive");
    cases.put(StemcellTarball.of("s", "1").manifest("name: s\nversion: [1]\n"), "stemcell.MF: line 2: 'version': expected a string, got a list");
    cases.put(StemcellTarball.of("s", "1").manifest("name: s\n version: 1\n"), "stemcell.MF: line 2: invalid YAML");
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      int n = 0;
      for (Map.Entry<StemcellTarball, String> c : cases.entrySet()) {
        Path file = c.getKey().writeTo(dir.resolve("case" + n++ + ".tgz"));
        assertThat(Tasks.failed(api, api.postFile("/stemcells", TARBALL, file))).contains(c.getValue());
      }
      Path garbage = Files.write(dir.resolve("garbage.tgz"), "this is not a tarball at all".getBytes());
      assertThat(Tasks.failed(api, api.postFile("/stemcells", TARBALL, garbage))).contains("Extracting stemcell archive failed");

      assertThat(api.jsonArray(api.get("/stemcells"))).isEmpty();
      assertThat(Tasks.filesUnder(director.services().store().uploads())).isEmpty();
      assertThat(Tasks.filesUnder(director.services().store().localCloud())).isEmpty();
      assertThat(Files.exists(dir.resolve("evil"))).isFalse();
      assertThat(Files.exists(Path.of("/tmp/evil"))).isFalse();
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void oversizedUploadsGet413AndLeaveNoFile(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir, "max_upload_size: 64K\n")) {
      ApiClient api = director.admin();
      byte[] big = new byte[300 * 1024];
      new java.util.Random(1).nextBytes(big);
      Path tarball = StemcellTarball.of("big", "1").image(big).writeTo(dir.resolve("big.tgz"));
      ApiErrors.assertError(api.postFile("/stemcells", TARBALL, tarball), 413, 440013, "larger than this director accepts (65536 bytes");
      ApiErrors.assertError(api.postBytes("/stemcells", TARBALL, Files.readAllBytes(tarball)), 413, 440013, "max_upload_size");
      assertThat(Tasks.filesUnder(director.services().store().uploads())).isEmpty();
      Tasks.done(api, api.postFile("/stemcells", TARBALL, StemcellTarball.of("small", "1").writeTo(dir.resolve("small.tgz"))));
      assertThat(api.jsonArray(api.get("/stemcells"))).hasSize(1);
    }
  }
}
