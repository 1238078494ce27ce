package io.lazarus.cpi.local.process;

/**
 * What Linux tells about one process in {@code /proc/<pid>/stat}: its state letter, parent, process group, session
 * and start time (clock ticks after boot, field 22), which together with the pid names a process unambiguously.
 */
public record ProcStat(long pid, char state, long ppid, long processGroup, long session, long startTime) {

  /**
   * Parses one {@code /proc/<pid>/stat} line. The command name (field 2) is in parentheses and may itself hold
   * spaces and parentheses, so the fields are counted from the last ')'.
   *
   * @throws IllegalArgumentException when the line does not have the fields of a stat line
   */
  public static ProcStat parse(String line) {
    int open = line.indexOf('(');
    int close = line.lastIndexOf(')');
    if (open < 0 || close < open) {
      throw new IllegalArgumentException("not a /proc stat line: '" + line + "'");
    }
    String[] rest = line.substring(close + 1).trim().split("\\s+");
    // rest[0] is field 3 (state); field n is rest[n - 3].
    if (rest.length < 20 || rest[0].length() != 1) {
      throw new IllegalArgumentException("not a /proc stat line: '" + line + "'");
    }
    try {
      return new ProcStat(
          Long.parseLong(line.substring(0, open).trim()),
          rest[0].charAt(0),
          Long.parseLong(rest[1]),
          Long.parseLong(rest[2]),
          Long.parseLong(rest[3]),
          Long.parseLong(rest[19]));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("not a /proc stat line: '" + line + "'", e);
    }
  }

  /** A zombie has ended; it only waits for its parent to read its exit status. */
  public boolean ended() {
    return state == 'Z' || state == 'X' || state == 'x';
  }

  /** Stopped by a signal (SIGSTOP) or by a tracer. */
  public boolean stopped() {
    return state == 'T' || state == 't';
  }
}
