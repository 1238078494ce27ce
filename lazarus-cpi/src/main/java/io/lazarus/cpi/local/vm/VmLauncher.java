package io.lazarus.cpi.local.vm;

import io.lazarus.cpi.local.process.ProcTable;
import io.lazarus.cpi.local.process.ProcessId;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Starts a VM's processes on its root, detached ({@code setsid}) so they outlive the JVM that started them.
 *
 * <p>The first process is a small shell init: it bind-mounts the root at {@code /var/vcap} (namespaces mode), starts
 * the agent in the background, writes the agent's pid to {@code agent.pid} and then waits; when the agent dies it
 * stays (as {@code sleep infinity}), so a crashed agent leaves a live VM behind, as on a real IaaS. The agent's pid
 * as its namespace sees it is mapped to the host's pid through {@code NSpid}.
 */
public final class VmLauncher {
  static final String BASE_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin";
  private static final String INIT = """
      if [ "$3" = namespaces ]; then
        mount --bind "$1" /var/vcap || { echo "vm init: cannot bind-mount $1 at /var/vcap" >&2; exit 97; }
        agent=/var/vcap/bosh/bin/bosh-agent
      else
        agent="$1/bosh/bin/bosh-agent"
      fi
      "$agent" </dev/null &
      echo $! > "$2.tmp" && mv "$2.tmp" "$2"
      wait $!
      exec sleep infinity
      """;

  private final CloudLayout layout;
  private final Isolation isolation;
  private final String javaBinary;
  private final Duration agentStartTimeout;

  public VmLauncher(CloudLayout layout, Isolation isolation, String javaBinary, Duration agentStartTimeout) {
    this.layout = layout;
    this.isolation = isolation;
    this.javaBinary = javaBinary;
    this.agentStartTimeout = agentStartTimeout;
  }

  public IsolationMode mode() {
    return isolation.mode();
  }

  /** What {@link #start} started. {@code agent} is null when the agent had already exited. */
  public record Started(ProcessId process, ProcessId agent) {}

  /**
   * Starts the VM {@code cid} on its root and waits (bounded) until its agent runs.
   *
   * @throws IOException when the VM's processes could not be started; nothing of them is left running then
   */
  public Started start(String cid) throws IOException {
    Path root = layout.vmRoot(cid);
    Path console = layout.consoleLog(cid);
    Path pidFile = layout.agentPidFile(cid);
    Files.createDirectories(console.getParent());
    Files.deleteIfExists(pidFile);
    ProcessBuilder builder = new ProcessBuilder(command(root, pidFile))
        .directory(root.toFile())
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()))
        .redirectErrorStream(true);
    builder.environment().clear();
    builder.environment().putAll(environment(root));
    Process process = builder.start();
    Optional<ProcessId> first = ProcTable.identify(process.pid());
    if (first.isEmpty()) {
      throw new IOException("the VM's first process ended at once; " + consoleTail(console));
    }
    try {
      return new Started(first.get(), awaitAgent(first.get(), pidFile, console));
    } catch (IOException e) {
      try {
        new VmTree(cid, isolation.mode(), first.get(), new ProcessId(0, 0)).stop(Duration.ZERO);
      } catch (IOException stopFailure) {
        e.addSuppressed(stopFailure);
      }
      throw e;
    }
  }

  private List<String> command(Path root, Path pidFile) {
    List<String> command = new ArrayList<>(List.of("setsid"));
    if (isolation.mode() == IsolationMode.NAMESPACES) {
      command.addAll(Isolation.unshare(isolation.userNamespace()));
    }
    command.addAll(List.of("sh", "-c", INIT, "vm-init", root.toString(), pidFile.toString(), isolation.mode().wireName()));
    return command;
  }

  /** The agent's environment: nothing of the Director's own, only what a VM provides. */
  Map<String, String> environment(Path root) {
    boolean namespaces = isolation.mode() == IsolationMode.NAMESPACES;
    String vcapRoot = namespaces ? Isolation.MOUNT_POINT.toString() : root.toString();
    return Map.of(
        "VCAP_ROOT", vcapRoot,
        "LAZARUS_JAVA", javaBinary,
        "PATH", vcapRoot + "/bosh/bin:" + BASE_PATH,
        "HOME", Isolation.isRoot() ? "/root" : System.getProperty("user.home"),
        "LANG", "C.UTF-8");
  }

  private ProcessId awaitAgent(ProcessId first, Path pidFile, Path console) throws IOException {
    long deadline = System.nanoTime() + agentStartTimeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (Files.exists(pidFile)) {
        long innerPid = Long.parseLong(Files.readString(pidFile).trim());
        ProcTable table = ProcTable.read();
        for (long pid : table.tree(first)) {
          if (table.innermostPid(pid).orElse(-1L) == innerPid) {
            return ProcTable.identify(pid).orElse(null);
          }
        }
        return null;
      }
      if (!ProcTable.isAlive(first)) {
        throw new IOException("the VM's first process ended before it started the agent; " + consoleTail(console));
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while waiting for the agent to start", e);
      }
    }
    throw new IOException("the agent did not start within " + agentStartTimeout.toSeconds() + " s; "
        + consoleTail(console));
  }

  static String consoleTail(Path console) {
    try {
      String text = Files.exists(console) ? Files.readString(console).strip() : "";
      if (text.isEmpty()) {
        return console + " is empty";
      }
      return console + " ends with: " + (text.length() > 500 ? text.substring(text.length() - 500) : text);
    } catch (IOException e) {
      return "cannot read " + console + ": " + e.getMessage();
    }
  }
}
