package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.LocalCloudDirector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code logs} on a real deployment: the agent's bundle of the job logs lands as a tgz in the asked directory. */
class LogsIT {
  @TempDir
  static Path dir;

  private static LocalCloudDirector demo;

  @BeforeAll
  static void deploy() throws Exception {
    demo = LocalCloudDirector.deploy(dir, "127.66.0", LocalCloudDirector.web(1));
  }

  @AfterAll
  static void cleanUp() throws Exception {
    if (demo != null) {
      demo.close();
    }
  }

  @Test
  void logsDownloadsATgzWithTheWebJobsStdoutLog() throws Exception {
    Path target = Files.createDirectories(dir.resolve("downloads"));
    String ip = demo.ip(demo.instances("web").getFirst());
    await().atMost(Duration.ofSeconds(30)).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());

    CliRun.Result result = demo.ok("logs", "web/0", "--dir", target.toString());

    List<Path> bundles;
    try (var files = Files.list(target)) {
      bundles = files.toList();
    }
    assertThat(bundles).singleElement().satisfies(bundle -> assertThat(bundle.getFileName().toString()).matches("web\\.0\\.\\d{8}-\\d{6}\\.\\d{9}\\.tgz"));
    assertThat(result.out()).contains("Downloading resource '").contains(bundles.getFirst().toString());
    Map<String, String> entries = entries(bundles.getFirst());
    assertThat(entries).hasEntrySatisfying("web/web.stdout.log", content -> assertThat(content).contains("web listening on " + ip + ":8080"));
  }

  /** The regular files of a tgz by path (without a leading {@code ./}), with their text. */
  private static Map<String, String> entries(Path tgz) throws IOException {
    Map<String, String> entries = new HashMap<>();
    try (InputStream in = Files.newInputStream(tgz); TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        if (entry.isFile()) {
          entries.put(entry.getName().replaceFirst("^\\./", ""), new String(tar.readAllBytes(), StandardCharsets.UTF_8));
        }
      }
    }
    return entries;
  }
}
