package io.lazarus.cpi.local;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * How a {@link LocalCpi} runs its cloud.
 *
 * @param root the cloud's directory
 * @param forcePlain run VMs as plain processes even where namespaces work (tests of the fallback)
 * @param javaBinary the {@code LAZARUS_JAVA} given to agents
 * @param stopGrace how long stopping a VM waits after SIGTERM before SIGKILL
 * @param agentStartTimeout how long {@code create_vm} waits for the agent process to appear
 * @param maxImageBytes the most a stemcell image may unpack to
 */
public record LocalCpiOptions(
    Path root,
    boolean forcePlain,
    String javaBinary,
    Duration stopGrace,
    Duration agentStartTimeout,
    long maxImageBytes,
    Clock clock) {

  /** Namespaces where they work, this JVM's java, 5 s of grace, images up to 16 GiB. */
  public static LocalCpiOptions defaults(Path root) {
    return new LocalCpiOptions(root, false, Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        Duration.ofSeconds(5), Duration.ofSeconds(15), 16L << 30, Clock.systemUTC());
  }

  public LocalCpiOptions withForcePlain(boolean plain) {
    return new LocalCpiOptions(root, plain, javaBinary, stopGrace, agentStartTimeout, maxImageBytes, clock);
  }

  public LocalCpiOptions withJavaBinary(String java) {
    return new LocalCpiOptions(root, forcePlain, java, stopGrace, agentStartTimeout, maxImageBytes, clock);
  }

  public LocalCpiOptions withStopGrace(Duration grace) {
    return new LocalCpiOptions(root, forcePlain, javaBinary, grace, agentStartTimeout, maxImageBytes, clock);
  }

  public LocalCpiOptions withClock(Clock newClock) {
    return new LocalCpiOptions(root, forcePlain, javaBinary, stopGrace, agentStartTimeout, maxImageBytes, newClock);
  }
}
