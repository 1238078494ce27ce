package io.lazarus.agent.jobs;

import io.lazarus.agent.rpc.RpcException;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the jobs' {@code bin/drain} scripts in parallel and returns the largest integer they print (0 without
 * scripts). A negative value asks for dynamic drain: the agent itself waits that many seconds and asks the script
 * again with {@code job_check_status}, until it prints a value of zero or more, so the Director never needs the
 * {@code status} call.
 */
public final class DrainRunner {
  private final JobScripts scripts;

  public DrainRunner(JobScripts scripts) {
    this.scripts = scripts;
  }

  public int drain(List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
    List<String> jobs = scripts.jobsWith("drain");
    List<Future<Integer>> running = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (String job : jobs) {
        running.add(executor.submit(() -> drainJob(job, args, environment)));
      }
      int result = 0;
      for (Future<Integer> future : running) {
        result = Math.max(result, future.get());
      }
      return result;
    } catch (ExecutionException e) {
      running.forEach(future -> future.cancel(true));
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new RpcException("drain failed: " + e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      running.forEach(future -> future.cancel(true));
      throw e;
    }
  }

  private int drainJob(String job, List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
    int value = runOnce(job, args, environment);
    while (value < 0) {
      Thread.sleep(Duration.ofSeconds(-value));
      value = runOnce(job, List.of("job_check_status", "hash_unchanged"), environment);
    }
    return value;
  }

  private int runOnce(String job, List<String> args, Map<String, String> environment) throws IOException, InterruptedException {
    ProcessRunner.Result result = scripts.run(job, "drain", args, environment);
    if (result.exitCode() != 0) {
      throw new RpcException("drain script of job '" + job + "' exited with " + result.exitCode() + ": " + result.tailText());
    }
    return parseValue(job, result.tail());
  }

  static int parseValue(String job, List<String> output) {
    for (int i = output.size() - 1; i >= 0; i--) {
      String line = output.get(i).trim();
      if (!line.isEmpty()) {
        try {
          return Integer.parseInt(line);
        } catch (NumberFormatException e) {
          throw new RpcException("drain script of job '" + job + "' printed '" + line + "', not an integer");
        }
      }
    }
    throw new RpcException("drain script of job '" + job + "' printed nothing; it must print an integer");
  }
}
