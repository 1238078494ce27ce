package io.lazarus.core.yaml;

/**
 * A YAML document that cannot be read, or holds a value of the wrong shape. The message always names the source
 * (a file name or "request body") and, where known, the line, so an operator can go straight to the mistake.
 */
public final class YamlException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String source;
  private final int line;

  public YamlException(String source, int line, String problem) {
    super(format(source, line, problem));
    this.source = source;
    this.line = line;
  }

  private static String format(String source, int line, String problem) {
    return line > 0 ? source + ": line " + line + ": " + problem : source + ": " + problem;
  }

  public String source() {
    return source;
  }

  /** 1-based line of the problem, or 0 when the problem concerns the whole document. */
  public int line() {
    return line;
  }
}
