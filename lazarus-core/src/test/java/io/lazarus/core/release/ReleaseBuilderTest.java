package io.lazarus.core.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReleaseBuilderTest {
  @TempDir
  Path dir;

  private Path releaseDir() throws IOException {
    Path release = dir.resolve("release");
    write(release.resolve("config/final.yml"), "final_name: demo\n");
    write(release.resolve("jobs/web/spec"), "---\nname: web\ntemplates:\n  ctl.erb: bin/ctl\npackages: [server]\nproperties:\n  port: {default: 8080}\n");
    write(release.resolve("jobs/web/monit"), "check process web\n  with pidfile /var/vcap/sys/run/web/web.pid\n");
    write(release.resolve("jobs/web/templates/ctl.erb"), "#!/bin/bash\necho <%= p('port') %>\n");
    write(release.resolve("packages/server/spec"), "---\nname: server\ndependencies: []\nfiles:\n- server/**/*.java\n");
    write(release.resolve("packages/server/packaging"), "cp -r server ${BOSH_INSTALL_TARGET}\n");
    write(release.resolve("src/server/Main.java"), "class Main {}\n");
    write(release.resolve("src/server/util/Util.java"), "class Util {}\n");
    write(release.resolve("src/other/Ignored.java"), "class Ignored {}\n");
    return release;
  }

  private static void write(Path file, String content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, content);
  }

  @Test
  void buildsAReleaseTarballWithJobsPackagesAndAManifestThatNamesTheirDigests() throws Exception {
    Path tarball = dir.resolve("demo.tgz");
    ReleaseBuilder.build(releaseDir(), "1.2.0", tarball);

    Path unpacked = dir.resolve("unpacked");
    new TarballExtractor(1 << 20).extract(tarball, unpacked, "demo.tgz");
    Map<String, Object> manifest = YamlDocument.parse("release.MF", Files.readString(unpacked.resolve("release.MF"))).rootMap();
    assertThat(manifest).containsEntry("name", "demo").containsEntry("version", "1.2.0");
    @SuppressWarnings("unchecked")
    Map<String, Object> job = ((List<Map<String, Object>>) manifest.get("jobs")).getFirst();
    @SuppressWarnings("unchecked")
    Map<String, Object> pkg = ((List<Map<String, Object>>) manifest.get("packages")).getFirst();
    assertThat(job).containsEntry("name", "web").containsEntry("packages", List.of("server"));
    assertThat(Digests.matches(unpacked.resolve("jobs/web.tgz"), (String) job.get("sha1"))).isTrue();
    assertThat(Digests.matches(unpacked.resolve("packages/server.tgz"), (String) pkg.get("sha1"))).isTrue();

    Path server = dir.resolve("server");
    new TarballExtractor(1 << 20).extract(unpacked.resolve("packages/server.tgz"), server, "server.tgz");
    assertThat(server.resolve("packaging")).exists();
    assertThat(server.resolve("server/Main.java")).exists();
    assertThat(server.resolve("server/util/Util.java")).exists();
    assertThat(server.resolve("other")).doesNotExist();
    Path web = dir.resolve("web");
    new TarballExtractor(1 << 20).extract(unpacked.resolve("jobs/web.tgz"), web, "web.tgz");
    assertThat(web.resolve("job.MF")).exists();
    assertThat(web.resolve("templates/ctl.erb")).exists();
  }

  @Test
  void theSameSourcesGiveTheSameBytes() throws Exception {
    Path release = releaseDir();
    ReleaseBuilder.build(release, "1", dir.resolve("a.tgz"));
    ReleaseBuilder.build(release, "1", dir.resolve("b.tgz"));

    assertThat(Digests.sha256(dir.resolve("a.tgz"))).isEqualTo(Digests.sha256(dir.resolve("b.tgz")));
  }

  @Test
  void aGlobThatMatchesNothingIsNamed() throws Exception {
    Path release = releaseDir();
    write(release.resolve("packages/server/spec"), "---\nname: server\nfiles:\n- nothing/*.c\n");

    assertThatThrownBy(() -> ReleaseBuilder.build(release, "1", dir.resolve("c.tgz")))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("packages/server/spec: files[0] 'nothing/*.c' matches no file");
  }

  @Test
  void aJobSpecWithoutANameFailsWithItsFileAndLine() throws Exception {
    Path release = releaseDir();
    write(release.resolve("jobs/web/spec"), "---\ntemplates: {}\n");

    assertThatThrownBy(() -> ReleaseBuilder.build(release, "1", dir.resolve("d.tgz")))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("jobs/web/spec")
        .hasMessageContaining("name");
  }
}
