package io.lazarus.agent.supervisor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads pidfiles as monit does: the first number in the file; anything else (missing, empty, half-written) is none. */
final class PidFiles {
  private static final long MAX_PIDFILE_BYTES = 64;

  private PidFiles() {}

  static OptionalLong read(Path pidfile) {
    try {
      if (!Files.isRegularFile(pidfile) || Files.size(pidfile) > MAX_PIDFILE_BYTES) {
        return OptionalLong.empty();
      }
      String text = Files.readString(pidfile, StandardCharsets.US_ASCII).trim();
      long pid = Long.parseLong(text.split("\\s+")[0]);
      return pid > 0 ? OptionalLong.of(pid) : OptionalLong.empty();
    } catch (IOException | NumberFormatException e) {
      return OptionalLong.empty();
    }
  }

  /** The live process the pidfile names, with its start time. */
  static Optional<PidIdentity> liveProcess(Path pidfile, ProcFs procFs) {
    OptionalLong pid = read(pidfile);
    if (pid.isEmpty()) {
      return Optional.empty();
    }
    return procFs.stat(pid.getAsLong()).filter(ProcStat::alive).map(ProcStat::identity);
  }
}
