package io.lazarus.monitor.processing;

import io.lazarus.monitor.config.PluginSpec.Kind;
import io.lazarus.monitor.plugins.Plugin;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one plugin on a thread of its own, in submission order, so a plugin that throws or blocks holds up only
 * itself. A call that throws is logged here, once. Thread-safe; must be closed.
 */
public final class PluginRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PluginRunner.class);

  private final Plugin plugin;
  private final Set<Kind> events;
  private final ExecutorService executor;

  public PluginRunner(Plugin plugin, Set<Kind> events) {
    this.plugin = plugin;
    this.events = events;
    this.executor = Executors.newSingleThreadExecutor(r -> new Thread(r, "hm-plugin-" + plugin.name()));
  }

  public Plugin plugin() {
    return plugin;
  }

  public boolean wants(Kind kind) {
    return events.contains(kind);
  }

  /** Runs {@code call} on the plugin's thread; what it throws is logged with {@code what}. */
  public void submit(String what, PluginCall call) {
    try {
      executor.execute(() -> {
        try {
          call.run(plugin);
        } catch (RuntimeException e) {
          LOG.error("plugin {} failed on {}", plugin.name(), what, e);
        }
      });
    } catch (RejectedExecutionException e) {
      LOG.debug("plugin {} is closed; dropped {}", plugin.name(), what);
    }
  }

  /** Runs {@code call} on the plugin's thread and waits for its answer, for reads of the plugin's own state. */
  public <T> T ask(Callable<T> call, Duration timeout) throws ExecutionException, TimeoutException, InterruptedException {
    Future<T> answer = executor.submit(call);
    try {
      return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      answer.cancel(true);
    }
  }

  /** Work for a plugin. */
  @FunctionalInterface
  public interface PluginCall {
    void run(Plugin plugin);
  }

  @Override
  public void close() {
    submit("close", Plugin::close);
    executor.shutdown();
    try {
      if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
        executor.shutdownNow();
      }
    } catch (InterruptedException e) {
      executor.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
