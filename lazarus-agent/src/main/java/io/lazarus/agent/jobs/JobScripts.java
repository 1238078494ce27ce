package io.lazarus.agent.jobs;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a lifecycle script ({@code pre-start}, {@code post-start}, {@code drain}, ...) of every installed job that
 * has one, all jobs in parallel, each script's output logged to {@code sys/log/<job>/<script>.log} as BOSH does.
 */
public final class JobScripts {
  private static final Logger log = LoggerFactory.getLogger(JobScripts.class);
  private static final Pattern SCRIPT_NAME = Pattern.compile("[a-z][a-z0-9_-]*");

  private final AgentPaths paths;

  public JobScripts(AgentPaths paths) {
    this.paths = paths;
  }

  /** One job's run of a script. */
  public record Outcome(String job, ProcessRunner.Result result) {}

  /** The jobs (by name, sorted) that have {@code bin/<script>}. */
  public List<String> jobsWith(String script) throws IOException {
    checkName(script);
    if (!Files.isDirectory(paths.jobs())) {
      return List.of();
    }
    try (Stream<Path> jobs = Files.list(paths.jobs())) {
      return jobs.filter(job -> Files.isRegularFile(job.resolve("bin").resolve(script)))
          .map(job -> job.getFileName().toString())
          .sorted()
          .toList();
    }
  }

  /**
   * Runs {@code bin/<script> args...} of every job that has it, in parallel, and waits for all. Interrupting the
   * caller kills them.
   */
  public List<Outcome> runAll(String script, List<String> args, Map<String, String> environment)
      throws IOException, InterruptedException {
    List<String> jobs = jobsWith(script);
    Map<String, Future<ProcessRunner.Result>> running = new LinkedHashMap<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String job : jobs) {
        running.put(job, executor.submit(() -> run(job, script, args, environment)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Map.Entry<String, Future<ProcessRunner.Result>> entry : running.entrySet()) {
        outcomes.add(new Outcome(entry.getKey(), await(entry.getKey(), script, entry.getValue())));
      }
      return outcomes;
    } catch (InterruptedException e) {
      running.values().forEach(future -> future.cancel(true));
      throw e;
    }
  }

  /** Runs {@code bin/<script> args...} of one job, output appended to its {@code sys/log/<job>/<script>.log}. */
  public ProcessRunner.Result run(String job, String script, List<String> args, Map<String, String> environment)
      throws IOException, InterruptedException {
    checkName(script);
    Path jobDir = paths.jobs().resolve(job);
    List<String> command = new ArrayList<>();
    command.add(jobDir.resolve("bin").resolve(script).toString());
    command.addAll(args);
    Path logDir = paths.sysLog().resolve(job);
    Files.createDirectories(logDir);
    Path logFile = logDir.resolve(script + ".log");
    log.info("running {} of job '{}'", script, job);
    try (var out = Files.newBufferedWriter(logFile, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
      return ProcessRunner.run(command, jobDir, environment, line -> {
        try {
          out.write(line);
          out.newLine();
          out.flush();
        } catch (IOException e) {
          // the job's log is best effort; the tail still reaches the caller
        }
      }, 20);
    }
  }

  private static ProcessRunner.Result await(String job, String script, Future<ProcessRunner.Result> future)
      throws InterruptedException {
    try {
      return future.get();
    } catch (ExecutionException e) {
      throw new RpcException(script + " of job '" + job + "' could not run: " + e.getCause().getMessage(), e.getCause());
    }
  }

  private static void checkName(String script) {
    if (script == null || !SCRIPT_NAME.matcher(script).matches()) {
      throw new RpcException("script name '" + script + "' is not a job lifecycle script name");
    }
  }
}
