package io.lazarus.agent.testing;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.JobSupervisorFactory;
import io.lazarus.agent.supervisor.JobState;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.supervisor.MonitJob;
import io.lazarus.agent.supervisor.ProcessStatus;
import io.lazarus.agent.supervisor.SupervisorListener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small real supervisor for the agent's tests: reads {@code check process NAME} and {@code start program "CMD"}
 * from monit files, runs each start program with {@code sh -c} as the supervised process itself (so test jobs use
 * foreground commands), and tells its listener {@code "does not exist"} when one dies on its own. Not a mock: it
 * speaks {@link JobSupervisor} and really runs processes.
 */
public final class ForegroundSupervisor implements JobSupervisor {
  private static final Pattern CHECK = Pattern.compile("^\\s*check process (\\S+)");
  private static final Pattern START = Pattern.compile("^\\s*start program\\s*=?\\s*\"([^\"]+)\"");

  /** Registered in META-INF/services so AgentMain finds it on the test class path. */
  public static final class Factory implements JobSupervisorFactory {
    @Override
    public JobSupervisor create(AgentPaths paths, SupervisorListener listener) {
      return new ForegroundSupervisor(paths, listener);
    }
  }

  private record Program(String name, String command) {}

  private final AgentPaths paths;
  private final SupervisorListener listener;
  private final List<Program> programs = new CopyOnWriteArrayList<>();
  private final Map<String, Process> running = new ConcurrentHashMap<>();
  private volatile boolean started;

  public ForegroundSupervisor(AgentPaths paths, SupervisorListener listener) {
    this.paths = paths;
    this.listener = listener;
  }

  @Override
  public synchronized void load(List<MonitJob> jobs) {
    List<Program> loaded = new ArrayList<>();
    for (MonitJob job : jobs) {
      try {
        String name = null;
        for (String line : Files.readAllLines(job.monitFile())) {
          Matcher check = CHECK.matcher(line);
          Matcher start = START.matcher(line);
          if (check.find()) {
            name = check.group(1);
          } else if (start.find() && name != null) {
            loaded.add(new Program(name, start.group(1)));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + job.monitFile(), e);
      }
    }
    stopProcesses();
    programs.clear();
    programs.addAll(loaded);
  }

  @Override
  public synchronized void startAll() {
    started = true;
    for (Program program : programs) {
      if (running.containsKey(program.name())) {
        continue;
      }
      try {
        Process process = new ProcessBuilder("sh", "-c", program.command())
            .directory(paths.root().toFile())
            .redirectErrorStream(true)
            .redirectOutput(paths.sysLog().resolve(program.name() + ".log").toFile())
            .start();
        running.put(program.name(), process);
        process.onExit().thenRun(() -> {
          if (running.remove(program.name(), process)) {
            listener.processEvent(program.name(), "does not exist", "restart", "process is not running");
          }
        });
      } catch (IOException e) {
        listener.processEvent(program.name(), "execution failed", "alert", "could not start: " + e.getMessage());
      }
    }
  }

  @Override
  public synchronized void stopAll(Duration timeout) throws InterruptedException {
    started = false;
    stopProcesses();
  }

  private void stopProcesses() {
    List<Process> processes = new ArrayList<>(running.values());
    running.clear();
    for (Process process : processes) {
      process.descendants().forEach(ProcessHandle::destroy);
      process.destroy();
    }
    for (Process process : processes) {
      try {
        process.onExit().get();
      } catch (Exception e) {
        process.destroyForcibly();
      }
    }
  }

  @Override
  public JobState jobState() {
    if (programs.isEmpty()) {
      return JobState.UNKNOWN;
    }
    if (!started) {
      return JobState.STOPPED;
    }
    return running.size() == programs.size() ? JobState.RUNNING : JobState.FAILING;
  }

  @Override
  public List<ProcessStatus> processes() {
    return programs.stream()
        .map(p -> new ProcessStatus(p.name(), running.containsKey(p.name()) ? "running" : "failing", 0, 0, 0, 0))
        .toList();
  }

  @Override
  public void close() {
    stopProcesses();
  }
}
