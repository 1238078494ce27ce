package io.lazarus.director.deploy;

import io.lazarus.director.tasks.EventLog;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Runs the steps of a stage with at most {@code maxInFlight} at once, as BOSH's {@code max_in_flight} does: once a
 * step fails no further step starts, the ones running finish, and the first failure is rethrown.
 */
public final class InFlight {
  private InFlight() {}

  /** The work of one step. */
  @FunctionalInterface
  public interface Step<T> {
    void run(T item) throws Exception;
  }

  public static <T> void run(EventLog.Stage stage, List<T> items, int maxInFlight, Function<T, String> name, Step<T> step) throws Exception {
    Semaphore slots = new Semaphore(Math.max(1, maxInFlight));
    AtomicReference<Exception> failure = new AtomicReference<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (T item : items) {
        slots.acquire();
        if (failure.get() != null) {
          slots.release();
          break;
        }
        pool.submit(() -> {
          try {
            stage.track(name.apply(item), () -> {
              step.run(item);
              return null;
            });
          } catch (Exception e) {
            failure.compareAndSet(null, e);
          } finally {
            slots.release();
          }
        });
      }
    }
    if (failure.get() != null) {
      throw failure.get();
    }
  }
}
