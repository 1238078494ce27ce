// Resurrection benchmark: the time from `kill -9` of a VM's whole process tree to its replacement's jobs answering,
// with `lazarus up`'s defaults (heartbeats every 5 s, agent_timeout 15 s, the resurrector on), against its floor:
// agent_timeout + one `lazarus recreate` of an instance (VM create + agent boot + job start). Prints figures; asserts
// nothing. Run with bench/resurrect-bench.sh, which makes the store and always runs `lazarus down` at the end.
//
// Usage: java -cp lazarus-cli.jar:lazarus-testing/target/classes bench/ResurrectBench.java <path to ./lazarus> <work dir> <kills>
// Everything goes through the launcher as a user types it (`up --store`, `deploy`, `recreate`), with the CLI's
// config in the work dir so the user's own `local` environment is left alone. The web VMs are found in the local
// cloud's records (the console's LocalCloud); an instance is back when a VM with a new cid holds its address and
// `http://<ip>:8080/` answers. Before each kill the bench waits 20 s after the last recovery and until the Health
// Monitor's decisions show every instance healthy, so neither a pending verification nor the backoff is measured.

import io.lazarus.core.json.Json;
import io.lazarus.cpi.local.LocalCloud;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.director.DevSetup;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.testing.DemoManifests;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;

public class ResurrectBench {
  private static final String DEPLOYMENT = "resurrect-bench";
  /** The Resurrector's default flap_limit.attempts: a 4th recreate of one instance within 30 minutes is refused as flapping. */
  private static final int FLAP_ATTEMPTS = 3;
  private static final int RECREATES = 3;
  private static final Duration BETWEEN_KILLS = Duration.ofSeconds(20);
  private static final Duration BOUND = Duration.ofSeconds(300);
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

  public static void main(String[] args) throws Exception {
    Path launcher = Path.of(args[0]);
    Path dir = Path.of(args[1]);
    int kills = Integer.parseInt(args[2]);
    // Kills go round the instances, so more than 3 per instance would meet the flap limit instead of the resurrector.
    int instances = Math.max(3, Math.ceilDiv(kills, FLAP_ATTEMPTS));
    Path store = dir.resolve("store");
    Cli cli = new Cli(launcher, dir.resolve("cli-config"), dir.resolve("cli.log"));
    System.out.printf("load average at the start: %s; launcher output in %s%n", loadAverage(), dir.resolve("cli.log"));

    long t0 = System.nanoTime();
    cli.run("up", "--store", store.toString(), "--port", Integer.toString(directorPort()));
    System.out.printf("lazarus up: %.1f s%n", seconds(t0));
    HmConfig hm = HmConfig.load(DevSetup.hmConfig(store));
    Duration agentTimeout = hm.intervals().agentTimeout();
    URI decisions = URI.create("http://" + hm.http().address() + ":" + hm.http().port() + "/decisions?deployment=" + DEPLOYMENT);
    LocalCloud cloud = new LocalCloud(store.resolve("local-cloud"));

    // examples/demo.yml's web group alone, on `lazarus up`'s cloud-config
    Path manifest = Files.writeString(dir.resolve("manifest.yml"), DemoManifests.web(DEPLOYMENT, instances, 2, "1000-60000"));
    t0 = System.nanoTime();
    cli.run("-e", "local", "-d", DEPLOYMENT, "-n", "deploy", manifest.toString());
    System.out.printf("deployed %d web instances on the local cloud: %.1f s%n", instances, seconds(t0));
    Map<String, String> names = awaitWebInstances(cloud, instances);
    awaitHealthy(decisions, instances);

    List<Double> recreates = new ArrayList<>();
    List<String> ips = List.copyOf(names.keySet());
    for (String ip : ips.subList(0, Math.min(RECREATES, ips.size()))) {
      t0 = System.nanoTime();
      cli.run("-e", "local", "-d", DEPLOYMENT, "-n", "recreate", names.get(ip));
      recreates.add(seconds(t0));
      System.out.printf("recreate %s (%s): %.1f s%n", names.get(ip), ip, recreates.getLast());
      await("web on " + ip + " answering after its recreate", () -> answer(ip).isPresent());
    }

    List<Double> times = new ArrayList<>();
    List<Double> startups = new ArrayList<>();
    long lastRecovery = System.nanoTime();
    for (int kill = 1; kill <= kills; kill++) {
      String ip = ips.get((kill - 1) % ips.size());
      sleepUntil(lastRecovery + BETWEEN_KILLS.toNanos());
      awaitHealthy(decisions, instances);
      Replacement replacement = killAndAwaitReplacement(cloud, ip);
      lastRecovery = System.nanoTime();
      String what = String.format("kill %2d/%d: %s (%s, VM %s): ", kill, kills, names.get(ip), ip, replacement.killed());
      if (replacement.answeringAfter() != null) {
        times.add(replacement.answeringAfter());
        startups.add(replacement.answeringAfter() - replacement.newVmAfter());
        System.out.printf("%snew VM after %.1f s, answering after %.1f s%n", what, replacement.newVmAfter(), replacement.answeringAfter());
      } else {
        System.out.printf("%snot back within %d s (new VM after %s s); the Health Monitor says: %s%n", what, BOUND.toSeconds(),
            replacement.newVmAfter() == null ? "-" : String.format("%.1f", replacement.newVmAfter()), get(decisions).map(HttpResponse::body).orElse("nothing"));
      }
    }

    double median = median(times);
    double recreate = median(recreates);
    double floor = agentTimeout.toSeconds() + recreate;
    System.out.printf("%nkill -9 to the replacement answering: median %.1f s over %d kills (of %d; min %.1f, max %.1f)%n", median, times.size(), kills,
        times.stream().mapToDouble(d -> d).min().orElse(Double.NaN), times.stream().mapToDouble(d -> d).max().orElse(Double.NaN));
    System.out.printf("floor: agent_timeout %d s + recreate %.1f s (median of %s) = %.1f s; the recreate also deletes the old VM and starts the CLI, so the floor is a slight over-estimate%n",
        agentTimeout.toSeconds(), recreate, recreates.stream().map(d -> String.format("%.1f", d)).toList(), floor);
    System.out.printf("ratio: %.2f (target ≤ 1.3)%n", median / floor);
    // The recreate's time holds more than the floor's parts (the CLI's start, stopping and deleting the old VM, the
    // watch time): the kills' own start-ups, from the new VM's record to its web answering, give a tighter floor.
    double startup = median(startups);
    System.out.printf("tighter floor: agent_timeout %d s + the kills' own VM start to answering %.1f s (median) = %.1f s; ratio %.2f%n",
        agentTimeout.toSeconds(), startup, agentTimeout.toSeconds() + startup, median / (agentTimeout.toSeconds() + startup));
    System.out.printf("load average at the end: %s%n", loadAverage());
  }

  /** One kill: the VM killed, and seconds from the kill to a VM with a new cid on the address and to its web answering (null: not seen). */
  record Replacement(String killed, Double newVmAfter, Double answeringAfter) {}

  /** kill -9 of the VM's root process and every descendant, then polls every 100 ms for the new VM and its web job. */
  private static Replacement killAndAwaitReplacement(LocalCloud cloud, String ip) throws Exception {
    LocalVm before = vmWithIp(cloud, ip).orElseThrow(() -> new IllegalStateException("no VM of the local cloud holds " + ip));
    long killedAt = System.nanoTime();
    killTree(before.pid());
    Double newVmAfter = null;
    while (System.nanoTime() - killedAt < BOUND.toNanos()) {
      Optional<LocalVm> now = vmWithIp(cloud, ip);
      if (now.isPresent() && !now.get().cid().equals(before.cid())) {
        newVmAfter = newVmAfter == null ? seconds(killedAt) : newVmAfter;
        if (answer(ip).isPresent()) {
          return new Replacement(before.cid(), newVmAfter, seconds(killedAt));
        }
      }
      Thread.sleep(100);
    }
    return new Replacement(before.cid(), newVmAfter, null);
  }

  /** The tree is listed before anything dies, so no orphan escapes by being re-parented. */
  private static void killTree(long pid) {
    ProcessHandle.of(pid).ifPresent(root -> {
      List<ProcessHandle> tree = new ArrayList<>(root.descendants().toList());
      tree.add(root);
      tree.forEach(ProcessHandle::destroyForcibly);
    });
  }

  private static Optional<LocalVm> vmWithIp(LocalCloud cloud, String ip) throws IOException {
    return cloud.vms().stream().filter(vm -> vm.ips().contains(ip)).max(Comparator.comparing(LocalVm::createdAt));
  }

  /** Address to instance name ({@code web/<id>}, as the demo's web job answers) of every web VM, once all answer. */
  private static Map<String, String> awaitWebInstances(LocalCloud cloud, int instances) throws Exception {
    Map<String, String> names = new LinkedHashMap<>();
    await(instances + " web instances answering", () -> {
      names.clear();
      try {
        for (LocalVm vm : cloud.vms()) {
          vm.ips().forEach(ip -> answer(ip).filter(body -> body.startsWith("web/")).ifPresent(name -> names.put(ip, name)));
        }
      } catch (IOException e) {
        return false;
      }
      return names.size() == instances;
    });
    return names;
  }

  /** Waits until the Health Monitor's decisions list every instance, each "healthy". */
  private static void awaitHealthy(URI decisions, int instances) throws Exception {
    await("the Health Monitor to see " + instances + " healthy instances (" + decisions + ")", () -> get(decisions)
        .filter(response -> response.statusCode() == 200)
        .map(response -> Json.read(response.body(), Map.class).get("instances"))
        .filter(list -> list instanceof List<?> all && all.size() == instances && all.stream().allMatch(i -> i instanceof Map<?, ?> m && "healthy".equals(m.get("decision"))))
        .isPresent());
  }

  private static Optional<String> answer(String ip) {
    return get(URI.create("http://" + ip + ":8080/")).filter(response -> response.statusCode() == 200).map(response -> response.body().trim());
  }

  private static Optional<HttpResponse<String>> get(URI uri) {
    try {
      return Optional.of(HTTP.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + BOUND.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("gave up waiting " + BOUND.toSeconds() + " s for " + what);
      }
      Thread.sleep(200);
    }
  }

  private static void sleepUntil(long nanoTime) throws InterruptedException {
    long left = nanoTime - System.nanoTime();
    if (left > 0) {
      Thread.sleep(Duration.ofNanos(left));
    }
  }

  /** A port for the Director whose +368 and +369 (the Health Monitor's API and ingest, DevSetup) are free too. */
  private static int directorPort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = socket.getLocalPort();
      }
      if (port + 369 <= 65535 && free(port + 368) && free(port + 369)) {
        return port;
      }
    }
    throw new IllegalStateException("found no free port P with P+368 and P+369 free");
  }

  private static boolean free(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static double median(List<Double> values) {
    if (values.isEmpty()) {
      return Double.NaN;
    }
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }

  private static String loadAverage() throws IOException {
    return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
  }

  /** The launcher, with the CLI's config kept in the work dir (LAZARUS_CONFIG) and its output appended to a log. */
  record Cli(Path launcher, Path config, Path log) {
    void run(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of(launcher.toString()));
      command.addAll(List.of(args));
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      builder.environment().put("LAZARUS_CONFIG", config.toString());
      int code = builder.start().waitFor();
      if (code != 0) {
        throw new IllegalStateException("lazarus " + String.join(" ", args) + " failed with exit code " + code + "; see " + log);
      }
    }
  }
}
