package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector.Recorded;
import io.lazarus.cli.fake.RecordingProxy;
import io.lazarus.core.json.Json;
import io.lazarus.director.DevSetup;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code upload-release} against a real Director, through a proxy that records what the CLI sends: packages the
 * Director already has are left out of the upload, and the release still imports.
 */
class PackageMatchingIT {
  @TempDir
  static Path dir;

  private static Director director;
  private static RecordingProxy proxy;
  private static Map<?, ?> env;

  @BeforeAll
  static void start() throws Exception {
    director = Director.start(DirectorConfig.load(DevSetup.writeDevConfig(dir.resolve("store"), "127.0.0.1", 0)));
    env = Json.read(Files.readString(director.envFile()), Map.class);
    proxy = new RecordingProxy(director.url(), Files.readString(Path.of(env.get("ca_cert").toString())));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    director.close();
  }

  @Test
  void aSecondVersionIsUploadedWithoutThePackageTheDirectorHas() throws Exception {
    Path v1 = new ReleaseFiles(dir, "app").pkg("ruby", "ruby 3.3").pkg("app", "app v1").write("1");
    Path v2 = new ReleaseFiles(dir, "app").pkg("ruby", "ruby 3.3").pkg("app", "app v2").write("2");
    CliRun cli = new CliRun(Files.createTempDirectory(dir, "home"))
        .variable("BOSH_ENVIRONMENT", proxy.url()).variable("BOSH_CA_CERT", proxy.caPem())
        .variable("BOSH_CLIENT", env.get("client").toString())
        .variable("BOSH_CLIENT_SECRET", env.get("client_secret").toString());
    long repacksBefore = leftoverRepacks();

    CliRun.Result first = cli.run("upload-release", v1.toString());
    CliRun.Result second = cli.run("upload-release", v2.toString());
    CliRun.Result releases = cli.run("releases", "--json");

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.out()).isZero();
    List<Recorded> matches = proxy.requests("POST", "/packages/matches");
    assertThat(matches).hasSize(2);
    assertThat(matches.get(1).header("Content-Type")).isEqualTo("text/yaml");
    assertThat(matches.get(1).bodyText()).startsWith("name: app\nversion: '2'\n");
    List<Recorded> uploads = proxy.requests("POST", "/releases");
    assertThat(entries(uploads.get(0).body())).containsExactly("release.MF", "jobs/web.tgz", "packages/ruby.tgz", "packages/app.tgz");
    assertThat(entries(uploads.get(1).body())).containsExactly("release.MF", "jobs/web.tgz", "packages/app.tgz");
    assertThat(uploads.get(1).header("Content-Type")).isEqualTo("application/x-compressed");
    assertThat(releases.out()).contains("\"version\": \"2\"").contains("\"version\": \"1\"");
    assertThat(leftoverRepacks()).isEqualTo(repacksBefore);
  }

  private static List<String> entries(byte[] tarball) throws IOException {
    List<String> names = new ArrayList<>();
    try (InputStream in = new GzipCompressorInputStream(new ByteArrayInputStream(tarball));
        TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        names.add(entry.getName());
      }
    }
    return names;
  }

  private static long leftoverRepacks() throws IOException {
    try (Stream<Path> files = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
      return files.filter(f -> f.getFileName().toString().startsWith("lazarus-release")).count();
    }
  }
}
