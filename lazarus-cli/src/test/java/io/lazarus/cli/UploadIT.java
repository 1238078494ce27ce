package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector.Recorded;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

class UploadIT extends FakeDirectorCase {
  @Test
  void uploadStemcellAsksWhetherItIsNeededThenStreamsTheTarball() throws Exception {
    Path tarball = tarball("stemcell.MF", "name: ubuntu-jammy\nversion: '1.5'\noperating_system: ubuntu-jammy\n");
    director.answer("POST", "/stemcell_uploads", 200, "{\"needed\":true}");
    director.taskFor("POST", "/stemcells", "create stemcell").step(1, "Update stemcell", "Uploading", "started", null)
        .step(2, "Update stemcell", "Uploading", "finished", null);

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("upload-stemcell", tarball.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    Recorded check = director.requests("POST", "/stemcell_uploads").getFirst();
    assertThat(check.bodyText()).isEqualTo("{\"stemcell\":{\"name\":\"ubuntu-jammy\",\"version\":\"1.5\"}}");
    assertThat(check.header("Content-Type")).isEqualTo("application/json");
    Recorded upload = director.requests("POST", "/stemcells").getFirst();
    assertThat(upload.uri()).isEqualTo("/stemcells");
    assertThat(upload.header("Content-Type")).isEqualTo("application/x-compressed");
    assertThat(upload.body()).isEqualTo(Files.readAllBytes(tarball));
    assertThat(result.out()).contains("Task 12 | 00:00:01 | Update stemcell: Uploading (00:00:01)");
  }

  @Test
  void aStemcellTheDirectorHasIsNotSentAgain() throws Exception {
    Path tarball = tarball("./stemcell.MF", "name: ubuntu-jammy\nversion: 1.5\n");
    director.answer("POST", "/stemcell_uploads", 200, "{\"needed\":false}");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("upload-stemcell", tarball.toString());

    assertThat(result.exitCode()).isZero();
    assertThat(result.out()).contains("Stemcell 'ubuntu-jammy/1.5' already exists.");
    assertThat(director.requests("POST", "/stemcells")).isEmpty();
  }

  @Test
  void fixSkipsTheCheckAndAsksTheDirectorToReplace() throws Exception {
    Path tarball = tarball("stemcell.MF", "name: ubuntu-jammy\nversion: '1.5'\n");
    director.taskFor("POST", "/stemcells", "create stemcell");

    CliRun.Result result =
        DirectorFixture.loggedIn(home, director).run("upload-stemcell", tarball.toString(), "--fix");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("POST", "/stemcell_uploads")).isEmpty();
    assertThat(director.requests("POST", "/stemcells").getFirst().uri()).isEqualTo("/stemcells?fix=true");
    assertThat(result.out()).contains("Task 12. Done");
  }

  @Test
  void uploadReleaseSkipsAVersionTheDirectorLists() throws Exception {
    Path tarball = tarball("release.MF", "name: app\nversion: '3'\ncommit_hash: abc\njobs: []\npackages: []\n");
    director.answer("GET", "/releases", 200, """
        [{"name":"app","release_versions":[{"version":"3","commit_hash":"abc","uncommitted_changes":false,\
        "currently_deployed":false}]}]""");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("upload-release", tarball.toString());

    assertThat(result.out()).contains("Release 'app/3' already exists.");
    assertThat(director.requests("POST", "/releases")).isEmpty();
  }

  @Test
  void uploadReleaseSendsANewVersion() throws Exception {
    Path tarball = tarball("release.MF", "name: app\nversion: '4'\n");
    director.answer("GET", "/releases", 200, "[]");
    director.taskFor("POST", "/releases", "create release");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("upload-release", tarball.toString());

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(director.requests("POST", "/releases").getFirst().body()).isEqualTo(Files.readAllBytes(tarball));
  }

  @Test
  void aFileWithoutAManifestIsRefusedByName() throws Exception {
    Path tarball = tarball("image", "not a manifest");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("upload-stemcell", tarball.toString());

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.err()).contains("is not a stemcell tarball: it has no stemcell.MF");
    assertThat(director.requests("POST", "/stemcells")).isEmpty();
  }

  private Path tarball(String entryName, String content) throws IOException {
    Path file = Files.createTempFile(home, "upload", ".tgz");
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      TarArchiveEntry entry = new TarArchiveEntry(entryName);
      entry.setSize(bytes.length);
      tar.putArchiveEntry(entry);
      tar.write(bytes);
      tar.closeArchiveEntry();
    }
    return file;
  }
}
