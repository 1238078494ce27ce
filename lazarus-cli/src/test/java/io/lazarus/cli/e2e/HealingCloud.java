package io.lazarus.cli.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.local.LocalVm;
import io.lazarus.director.DevSetup;
import io.lazarus.monitor.HealthMonitor;
import io.lazarus.monitor.config.HmConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link LocalCloudDirector} with a Health Monitor in this JVM, both tuned to heal within seconds (agents beat every
 * second, an agent is timed out after 3 s), the Resurrector on with test-sized options, and every alert also posted by
 * the webhook plugin to a receiver here, so tests read what an operator's pager would get. IMPORTANT: close it.
 */
public final class HealingCloud implements AutoCloseable {
  /** Resurrector options for tests: quick backoff and verification, BOSH's meltdown math over a 20 s window. */
  public static final String RESURRECTOR_OPTIONS = "{time_threshold: 20, backoff: {initial: 2, max: 8}, flap_limit: {attempts: 3, window: 600}, verify_timeout: 45}";

  private final LocalCloudDirector cloud;
  private final Path hmConfig;
  private final HttpServer receiver;
  private final List<Map<String, Object>> alerts = new CopyOnWriteArrayList<>();
  private volatile HealthMonitor monitor;

  private HealingCloud(LocalCloudDirector cloud, Path hmConfig, HttpServer receiver) {
    this.cloud = cloud;
    this.hmConfig = hmConfig;
    this.receiver = receiver;
  }

  /** Starts the Director (with {@code directorYaml} appended to its config) and its Health Monitor, then deploys. */
  public static HealingCloud deploy(Path dir, String subnet, String manifest, String resurrectorOptions, String directorYaml) throws Exception {
    Path store = dir.resolve("store");
    Path config = DevSetup.writeDevConfig(store, "127.0.0.1", freePort()); // a fixed port: the Director may restart
    Files.writeString(config, Files.readString(config).replace("heartbeat_interval: 5", "heartbeat_interval: 1") + directorYaml);
    HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    HealingCloud healing = null;
    LocalCloudDirector cloud = LocalCloudDirector.start(config, dir, subnet);
    try {
      Path hmConfig = Files.writeString(dir.resolve("hm.yml"), hmConfig(store, resurrectorOptions, receiver));
      healing = new HealingCloud(cloud, hmConfig, receiver);
      healing.listen();
      healing.monitor = HealthMonitor.start(HmConfig.load(hmConfig), Clock.systemUTC());
      assertThat(cloud.deploy(manifest).exitCode()).isZero();
      return healing;
    } catch (Exception | AssertionError e) {
      if (healing != null) {
        healing.close();
      } else {
        cloud.close();
      }
      throw e;
    }
  }

  private static String hmConfig(Path store, String resurrectorOptions, HttpServer receiver) throws IOException {
    String dev = Files.readString(DevSetup.hmConfig(store));
    return dev.substring(0, dev.indexOf("plugins:"))
        + "intervals: {poll_director: 1, agent_timeout: 3, analyze_agents: 1, resurrection_config: 1}\n"
        + "plugins:\n"
        + "  - {name: logger, events: [alert]}\n"
        + "  - {name: event_logger, events: [alert]}\n"
        + "  - {name: resurrector, events: [alert], options: " + resurrectorOptions + "}\n"
        + "  - {name: webhook, events: [alert], options: {url: 'http://127.0.0.1:" + receiver.getAddress().getPort() + "/alerts', attempts: 2, backoff: 1}}\n";
  }

  private void listen() {
    receiver.createContext("/alerts", exchange -> {
      @SuppressWarnings("unchecked")
      Map<String, Object> alert = Json.read(new String(exchange.getRequestBody().readAllBytes()), Map.class);
      alerts.add(alert);
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    receiver.start();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  public LocalCloudDirector cloud() {
    return cloud;
  }

  public HealthMonitor monitor() {
    return monitor;
  }

  /** Stops the Health Monitor and starts a new one from the same config. */
  public void restartHealthMonitor() {
    monitor.close();
    monitor = HealthMonitor.start(HmConfig.load(hmConfig), Clock.systemUTC());
  }

  /** Every alert the webhook delivered so far, oldest first. */
  public List<Map<String, Object>> alerts() {
    return List.copyOf(alerts);
  }

  /** The alerts whose title starts with {@code title}. */
  public List<Map<String, Object>> alertsTitled(String title) {
    return alerts().stream().filter(alert -> String.valueOf(alert.get("title")).startsWith(title)).toList();
  }

  /** How many "scan and fix" tasks the Director has run or queued. */
  public int scanAndFixTasks() {
    return cloud.director().services().database().jdbi().withHandle(handle ->
        handle.createQuery("SELECT COUNT(*) FROM tasks WHERE description = 'scan and fix'").mapTo(Integer.class).one());
  }

  /** The local cloud's VM that has {@code ip}, if one does. */
  public Optional<LocalVm> vmWithIp(String ip) throws IOException {
    return cloud.cloud().vms().stream().filter(vm -> vm.ips().contains(ip)).findFirst();
  }

  /** {@code kill -9} of a VM's whole process tree: its agent and every job process. */
  public static void killTree(LocalVm vm) {
    ProcessHandle.of(vm.pid()).ifPresent(root -> {
      root.descendants().forEach(ProcessHandle::destroyForcibly);
      root.destroyForcibly();
    });
  }

  @Override
  public void close() {
    try {
      if (monitor != null) {
        monitor.close();
      }
      receiver.stop(0);
    } finally {
      cloud.close();
    }
  }
}
