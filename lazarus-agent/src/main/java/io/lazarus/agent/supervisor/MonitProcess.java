package io.lazarus.agent.supervisor;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One {@code check process} of a monit file, reduced to what the supervisor uses.
 *
 * @param startTimeout the {@code with timeout} of the start program; empty means the supervisor's default
 * @param stopTimeout the {@code with timeout} of the stop program; empty means the supervisor's default
 * @param source the monit file it came from and {@code line} the line of its {@code check process}, for errors
 */
public record MonitProcess(
    String name,
    Path pidfile,
    String startProgram,
    Optional<Duration> startTimeout,
    Optional<String> stopProgram,
    Optional<Duration> stopTimeout,
    List<String> groups,
    List<String> dependsOn,
    String source,
    int line) {

  public MonitProcess {
    groups = List.copyOf(groups);
    dependsOn = List.copyOf(dependsOn);
  }
}
