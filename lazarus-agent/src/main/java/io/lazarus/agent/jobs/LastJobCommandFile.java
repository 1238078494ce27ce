package io.lazarus.agent.jobs;

import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code bosh/last_job_command}: the last of start, stop and apply the agent carried out, so a restarted agent
 * knows whether its jobs should run (BOSH's VMs remember it in monit's state). Thread-safe.
 */
public final class LastJobCommandFile {
  private static final Logger log = LoggerFactory.getLogger(LastJobCommandFile.class);

  private final Path file;

  public LastJobCommandFile(Path file) {
    this.file = file;
  }

  /** Written before the command is carried out: a restart half-way then follows the command's intent. */
  public synchronized void record(JobCommand command) throws IOException {
    FileTrees.writeAtomically(file, command.rpcName().getBytes(StandardCharsets.UTF_8), null);
  }

  /** Empty when no command was recorded, or the file holds something else (then the jobs are not started). */
  public synchronized Optional<JobCommand> read() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      String text = Files.readString(file).strip();
      Optional<JobCommand> command = JobCommand.fromRpcName(text);
      if (command.isEmpty()) {
        log.warn("ignoring {}: '{}' is not start, stop or apply", file, text);
      }
      return command;
    } catch (IOException e) {
      log.warn("ignoring unreadable {}: {}", file, e.getMessage());
      return Optional.empty();
    }
  }
}
