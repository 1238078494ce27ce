package io.lazarus.cpi.external;

import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.cpi.local.LocalCpiOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * Runs the local CPI as an external CPI executable: one request on stdin, one response on stdout. The cloud root is
 * the request context's {@code root} property, else the {@code --root DIR} argument. Optional context properties:
 * {@code plain: true} (no namespaces) and {@code java} (the agents' {@code LAZARUS_JAVA}).
 *
 * <p>Exit code 0 whenever a response was written, CPI errors included; 1 when not even that was possible. The
 * local CPI's own log (e.g. why VMs run without namespaces) goes to stderr.
 */
public final class LocalCpiMain {
  private LocalCpiMain() {}

  public static void main(String[] args) {
    Path defaultRoot = args.length == 2 && args[0].equals("--root") ? Path.of(args[1]) : null;
    // stdout carries the response alone: whatever else prints there (a logger's console appender) goes to stderr,
    // which the Director keeps in the task's CPI log.
    PrintStream response = System.out;
    System.setOut(System.err);
    try {
      new CpiRequestHandler(context -> new LocalCpi(options(context, defaultRoot))).handle(System.in, response);
    } catch (IOException e) {
      System.err.println("local CPI: cannot answer the request: " + e.getMessage());
      System.exit(1);
    }
  }

  static LocalCpiOptions options(Map<String, Object> context, Path defaultRoot) throws CpiException {
    Object root = context.get("root");
    if (root == null && defaultRoot == null) {
      throw CpiErrors.cloudError("the local CPI needs its cloud root: set the CPI property 'root' or run it with "
          + "--root DIR");
    }
    LocalCpiOptions options = LocalCpiOptions.defaults(root != null ? Path.of(root.toString()) : defaultRoot)
        .withForcePlain(Boolean.parseBoolean(String.valueOf(context.get("plain"))));
    Object java = context.get("java");
    return java != null ? options.withJavaBinary(java.toString()) : options;
  }
}
