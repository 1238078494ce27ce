// Cloud-check scan benchmark: how long `POST /deployments/<d>/scans` (the task "scan cloud") takes over N instances on
// the dummy CPI with every agent answering, then with some agents paused so that their get_state times out.
// Run with bench/scan-bench.sh (builds the CLI jar and the release artifacts first). Prints figures; asserts nothing.
//
// Usage: java -cp lazarus-cli.jar:lazarus-testing/target/classes bench/ScanBench.java <artifacts dir> <instances> <silent>
// The Director runs in this JVM (started as `lazarus director --config` starts it, from the same jar and config),
// because a paused agent is a call on the dummy CPI's SimulatedAgent, which lives in the Director's process. A paused
// agent accepts the request and holds it unanswered: the scan waits out its get_state timeout (10 s,
// CloudCheckServices.AGENT_PROBE_TIMEOUT), as for a frozen VM; a refused connection would fail at once. Uses
// DeployBench's config, upload and API helpers (JDK 22+ compiles both files from source).

import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.Director;
import io.lazarus.director.DirectorConfig;
import io.lazarus.director.cloudcheck.CloudCheckServices;
import io.lazarus.testing.DemoManifests;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class ScanBench {
  private static final Pattern SUMMARY = Pattern.compile("\"task\":\"(\\d+ OK, \\d+ unresponsive, \\d+ missing, \\d+ unbound[^\"]*)\"");

  public static void main(String[] args) throws Exception {
    Path artifacts = Path.of(args[0]);
    int instances = Integer.parseInt(args[1]);
    int silent = Integer.parseInt(args[2]);
    if (silent > instances) {
      throw new IllegalArgumentException("silent (" + silent + ") must not exceed instances (" + instances + ")");
    }
    Path dir = Files.createTempDirectory("lazarus-scan-bench");
    Path config = DeployBench.directorConfig(dir, "scan-bench", DeployBench.freePort(), "dummy");
    System.out.printf("load average at the start: %s%n", loadAverage());
    try (Director director = Director.start(DirectorConfig.load(config))) {
      HttpClient http = HttpClient.newBuilder().sslContext(DeployBench.trusting(dir.resolve("store/director/tls/ca.pem"))).connectTimeout(Duration.ofSeconds(5)).build();
      DeployBench.Api api = DeployBench.Api.admin(http, director.url());
      api.upload(artifacts, "127.85"); // its own /16: the deploy bench uses 127.86 and 127.87, the ITs 127.88
      long t0 = System.nanoTime();
      String deployed = api.awaitDone(api.startTask("/deployments", "text/yaml", HttpRequest.BodyPublishers.ofString(DemoManifests.web("bench", instances, 100, "10-60000"))));
      System.out.printf("deployed %d instances on the dummy CPI: %s in %.1f s%n", instances, deployed, (System.nanoTime() - t0) / 1e9);

      scan(api, "every agent answering", "target ≤ 2 s");
      scan(api, "every agent answering (again)", "target ≤ 2 s");

      DummyCpi cpi = (DummyCpi) director.services().cpi();
      List<String> paused = cpi.vmCids().stream().sorted().limit(silent).toList();
      paused.forEach(cid -> cpi.agentFor(cid).pause());
      String bound = "target ≤ scan timeout + 1 s = " + (CloudCheckServices.AGENT_PROBE_TIMEOUT.toSeconds() + 1) + " s";
      scan(api, paused.size() + " of " + cpi.vmCids().size() + " agents paused", bound);
      scan(api, paused.size() + " agents paused (again)", bound);
      paused.forEach(cid -> cpi.agentFor(cid).resume());
    }
    System.out.printf("load average at the end: %s%n", loadAverage());
  }

  /** Times one scan from the request to the task's end (polled every 100 ms) and prints it with the VM summary. */
  private static void scan(DeployBench.Api api, String situation, String target) throws Exception {
    long t0 = System.nanoTime();
    long task = api.startTask("/deployments/bench/scans", "application/json", HttpRequest.BodyPublishers.ofString(""));
    String state = api.awaitDone(task);
    double seconds = (System.nanoTime() - t0) / 1e9;
    Matcher summary = SUMMARY.matcher(api.get("/tasks/" + task + "/output?type=event"));
    System.out.printf("scan task %d, %s: %s in %.2f s (%s); %s%n", task, situation, state, seconds, target, summary.find() ? summary.group(1) : "no VM summary");
  }

  private static String loadAverage() throws Exception {
    return String.join(" ", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3));
  }
}
