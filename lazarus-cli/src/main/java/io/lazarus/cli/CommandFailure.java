package io.lazarus.cli;

/**
 * Adds what the CLI was doing to a failure ("Deleting stemcell 'ubuntu/1'"), printed above the cause's message
 * and indented like the bosh CLI's multi-line errors.
 */
public final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CommandFailure(String doing, Throwable cause) {
    super(doing, cause);
  }

  /** Renders {@code failure} and the contexts around it, one level of indent per context. */
  public static String describe(Throwable failure) {
    StringBuilder out = new StringBuilder();
    String indent = "";
    Throwable current = failure;
    while (current instanceof CommandFailure context && context.getCause() != null) {
      out.append(indent).append(context.getMessage()).append(":\n");
      indent += "  ";
      current = context.getCause();
    }
    String message = current.getMessage() == null ? current.toString() : current.getMessage();
    for (String line : message.split("\n", -1)) {
      out.append(indent).append(line).append('\n');
    }
    return out.toString().stripTrailing();
  }
}
