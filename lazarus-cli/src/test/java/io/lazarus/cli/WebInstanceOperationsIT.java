package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.e2e.LocalCloudDirector;
import io.lazarus.director.instances.Instance;
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
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * One web instance of a real deployment on the local cloud, and what an operator does to it, in this order:
 * {@code restart} (jobs stopped and started on the same VM), {@code restart --no-converge} while {@code logs
 * --follow} shows the web server's log, {@code logs} (the agent's bundle lands as a tgz),
 * {@code stop}/{@code start} (same VM, web down while stopped, kept stopped by a deploy) and {@code stop --hard}
 * then {@code start} (a new VM at the same address).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebInstanceOperationsIT {
  private static final Duration SERVER_WAIT = Duration.ofSeconds(30);

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
  @Order(1)
  void restartStartsTheWebServerAgainOnTheSameVm() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());
    assertThat(starts(vmCid)).isEqualTo(1);

    demo.ok("-n", "restart", "web/0");

    Instance after = demo.instances("web").getFirst();
    assertThat(after.state()).isEqualTo("started");
    assertThat(demo.vm(after).orElseThrow().cid()).isEqualTo(vmCid);
    assertThat(starts(vmCid)).as("the web server logged a second start").isEqualTo(2);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }

  @Test
  @Order(2)
  void restartWithoutConvergingWhileFollowingTheLogShowsTheServerStartingAgain() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    String listening = "web/" + before.uuid() + ": stdout | web listening on " + ip + ":8080";
    long startsBefore = starts(vmCid);
    CliRun.Background follow = demo.cli().start("logs", "web/0", "--follow", "--num", "1");
    try {
      await().atMost(SERVER_WAIT).until(() -> follow.output().contains(listening));
      long shown = listeningLines(follow, listening);

      CliRun.Result restart = demo.ok("-n", "restart", "web/" + before.uuid(), "--no-converge");

      assertThat(restart.out()).contains("Updating instance web/" + before.uuid() + " (0): Stopping instance").contains("Updating instance web/" + before.uuid() + " (0): Starting instance");
      await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(listeningLines(follow, listening)).isEqualTo(shown + 1));
    } finally {
      assertThat(follow.stop().exitCode()).as("following ends cleanly when interrupted").isZero();
    }
    Instance after = demo.instances("web").getFirst();
    assertThat(after.state()).isEqualTo("started");
    assertThat(demo.vm(after).orElseThrow().cid()).isEqualTo(vmCid);
    assertThat(starts(vmCid)).isEqualTo(startsBefore + 1);
  }

  private static long listeningLines(CliRun.Background follow, String listening) {
    return follow.output().lines().filter(listening::equals).count();
  }

  /** How often the web server said it listens, in its stdout log inside the VM. */
  private static long starts(String vmCid) throws IOException {
    Path log = dir.resolve("store/local-cloud/vms").resolve(vmCid).resolve("root/sys/log/web/web.stdout.log");
    return Files.readAllLines(log).stream().filter(line -> line.startsWith("web listening on")).count();
  }

  @Test
  @Order(3)
  void logsDownloadsATgzWithTheWebJobsStdoutLog() throws Exception {
    Path target = Files.createDirectories(dir.resolve("downloads"));
    String ip = demo.ip(demo.instances("web").getFirst());
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());

    CliRun.Result result = demo.ok("logs", "web/0", "--dir", target.toString());

    List<Path> bundles;
    try (var files = Files.list(target)) {
      bundles = files.toList();
    }
    assertThat(bundles).singleElement().satisfies(bundle -> assertThat(bundle.getFileName().toString()).matches("demo\\.web\\.0-\\d{8}-\\d{6}(-\\d{1,9})?\\.tgz"));
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

  @Test
  @Order(4)
  void stopThenStartKeepsTheInstanceAndItsVmAndBringsWebBack() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isPresent());

    CliRun.Result stopped = demo.ok("-n", "stop", "web/0");

    assertThat(stopped.out()).contains("Updating instance web: web/" + before.uuid() + " (0) (canary)");
    Instance afterStop = demo.instances("web").getFirst();
    assertThat(afterStop.state()).isEqualTo("stopped");
    assertThat(demo.vm(afterStop).orElseThrow().cid()).isEqualTo(vmCid);
    await().atMost(SERVER_WAIT).until(() -> LocalCloudDirector.http("GET", ip, 8080).isEmpty());

    assertThat(demo.deploy(LocalCloudDirector.manifest(LocalCloudDirector.web(1))).exitCode()).isZero();

    assertThat(demo.instances("web").getFirst().state()).as("a deploy keeps a stopped instance stopped").isEqualTo("stopped");
    assertThat(LocalCloudDirector.http("GET", ip, 8080)).isEmpty();

    demo.ok("-n", "start", "web/0");

    Instance afterStart = demo.instances("web").getFirst();
    assertThat(afterStart.uuid()).isEqualTo(before.uuid());
    assertThat(afterStart.state()).isEqualTo("started");
    assertThat(demo.vm(afterStart).orElseThrow().cid()).isEqualTo(vmCid);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }

  @Test
  @Order(5)
  void hardStopDeletesTheVmAndStartMakesANewOneAtTheSameAddress() throws Exception {
    Instance before = demo.instances("web").getFirst();
    String ip = demo.ip(before);
    String vmCid = demo.vm(before).orElseThrow().cid();

    demo.ok("-n", "stop", "web/" + before.uuid(), "--hard");

    Instance detached = demo.instances("web").getFirst();
    assertThat(detached.state()).isEqualTo("detached");
    assertThat(demo.vm(detached)).isEmpty();
    assertThat(LocalCloudDirector.http("GET", ip, 8080)).isEmpty();

    demo.ok("-n", "start", "web");

    Instance started = demo.instances("web").getFirst();
    assertThat(started.uuid()).isEqualTo(before.uuid());
    assertThat(started.state()).isEqualTo("started");
    assertThat(demo.vm(started).orElseThrow().cid()).isNotEqualTo(vmCid);
    assertThat(demo.ip(started)).isEqualTo(ip);
    await().atMost(SERVER_WAIT).untilAsserted(() -> assertThat(LocalCloudDirector.http("GET", ip, 8080)).hasValue("web/" + before.uuid()));
  }
}
