package io.lazarus.agent.supervisor;

/**
 * A monit file the supervisor cannot run: a syntax error, or a process that lacks what it needs. The message names
 * the file and, where known, the line, so an operator can go straight to the mistake.
 */
public final class MonitFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  public MonitFileException(String source, int line, String problem) {
    super(line > 0 ? source + ": line " + line + ": " + problem : source + ": " + problem);
    this.source = source;
    this.line = line;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem, or 0 when it concerns the whole file or several files. */
  public int line() {
    return line;
  }
}
