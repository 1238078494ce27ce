package io.lazarus.cli.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.cli.CliRun;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalVm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's quick start: {@code up} starts a local Director and its Health Monitor in the background with
 * everything uploaded, the example manifest deploys on it through the saved environment {@code local}, a VM
 * terminated in the local cloud's console comes back by itself, and {@code down} leaves no process, mount or
 * address behind.
 */
class UpDownIT {
  @TempDir
  Path dir;

  private CliRun cli;
  private Path store;

  @AfterEach
  void down() {
    if (cli != null) {
      cli.run("down", "--store", store.toString());
    }
  }

  @Test
  void upDeployDownLeavesNothingBehind() throws Exception {
    store = dir.resolve("store");
    cli = new CliRun(Files.createDirectories(dir.resolve("home"))).realTime();

    CliRun.Result up = cli.run("up", "--store", store.toString(), "--port", "0");
    assertThat(up.exitCode()).as(up.out() + up.err()).isZero();
    assertThat(up.out()).contains("saved as environment 'local'");
    Map<?, ?> env = Json.read(Files.readString(store.resolve("director/env.json")), Map.class);
    assertThat(env.get("url").toString()).startsWith("https://127.0.0.1:");

    CliRun.Result deploy = cli.run("-e", "local", "-d", "demo", "-n", "deploy", Path.of("../examples/demo.yml").toAbsolutePath().normalize().toString());
    assertThat(deploy.exitCode()).as(deploy.out() + deploy.err()).isZero();
    assertThat(cli.run("-e", "local", "-d", "demo", "instances").outTrimmed()).contains("4 instances");

    LocalCloud cloud = new LocalCloud(store.resolve("local-cloud"));
    LocalVm victim = cloud.vms().getFirst();
    String ip = victim.ips().getFirst();
    assertThat(cli.run("local-cloud", "terminate", "--store", store.toString(), victim.cid()).exitCode()).isZero();
    await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
        assertThat(cloud.vms()).filteredOn(vm -> vm.ips().contains(ip)).singleElement().satisfies(vm -> assertThat(vm.cid()).isNotEqualTo(victim.cid())));
    await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
      assertThat(cli.run("-e", "local", "-d", "demo", "instances").out().split("running", -1)).as("four instances running").hasSize(5);
      assertThat(cloud.vms()).hasSize(4);
    });
    assertThat(cli.run("-e", "local", "tasks", "--recent", "--all").out()).contains("scan and fix");

    CliRun.Result down = cli.run("down", "--store", store.toString());
    cli = null;
    assertThat(down.exitCode()).as(down.out() + down.err()).isZero();
    assertThat(down.out()).contains("Stopped the local Director, its Health Monitor and 4 VM(s)");
    String storePath = store.toRealPath().toString();
    assertThat(DemoDeploymentIT.processesMentioning(storePath)).isEmpty();
    assertThat(Files.readString(Path.of("/proc/mounts"))).doesNotContain(storePath);
    assertThat(DemoDeploymentIT.listeningAddresses()).noneMatch(address -> address.startsWith("127.10."));
  }
}
