package io.lazarus.cpi.local.vm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The isolation VMs get on this host, decided once by trying it: an {@code unshare} of mount and pid namespaces
 * (with a user namespace when not root) that bind-mounts a directory at {@code /var/vcap}. When that fails the VMs
 * run as plain processes, and {@link #reason()} says why.
 */
public record Isolation(IsolationMode mode, boolean userNamespace, String reason) {
  static final Path MOUNT_POINT = Path.of("/var/vcap");

  public static Isolation plain(String reason) {
    return new Isolation(IsolationMode.PLAIN, false, reason);
  }

  /**
   * Tries namespaces on this host.
   *
   * @param scratch an existing directory to bind-mount in the trial
   */
  public static Isolation probe(Path scratch) {
    boolean root = isRoot();
    if (!Files.isDirectory(MOUNT_POINT)) {
      if (!root) {
        return plain("the host has no " + MOUNT_POINT + " mount point and this user cannot create it");
      }
      try {
        Files.createDirectories(MOUNT_POINT);
      } catch (IOException e) {
        return plain("cannot create the mount point " + MOUNT_POINT + ": " + e.getMessage());
      }
    }
    List<String> command = new ArrayList<>(unshare(!root));
    command.addAll(List.of("sh", "-c", "mount --bind \"$1\" " + MOUNT_POINT, "probe", scratch.toString()));
    try {
      Process trial = new ProcessBuilder(command).redirectErrorStream(true)
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
      if (!trial.waitFor(10, TimeUnit.SECONDS)) {
        trial.destroyForcibly();
        return plain("'" + String.join(" ", command) + "' did not finish within 10 s");
      }
      String output = new String(trial.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (trial.exitValue() != 0) {
        return plain("'" + String.join(" ", command) + "' failed (exit " + trial.exitValue() + "): " + output);
      }
      return new Isolation(IsolationMode.NAMESPACES, !root, "");
    } catch (IOException e) {
      return plain("cannot run unshare: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return plain("interrupted while trying namespaces");
    }
  }

  /** The {@code unshare} command line that starts a VM's first process in its namespaces. */
  static List<String> unshare(boolean userNamespace) {
    List<String> command = new ArrayList<>(List.of("unshare", "--mount", "--pid", "--fork", "--kill-child",
        "--propagation", "private", "--mount-proc"));
    if (userNamespace) {
      command.addAll(List.of("--user", "--map-root-user"));
    }
    return command;
  }

  static boolean isRoot() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("Uid:")) {
          return line.substring(4).trim().split("\\s+")[1].equals("0");
        }
      }
    } catch (IOException e) {
      return false;
    }
    return false;
  }
}
