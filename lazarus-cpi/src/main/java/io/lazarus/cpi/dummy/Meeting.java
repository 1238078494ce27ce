package io.lazarus.cpi.dummy;

import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Calls of one CPI method that wait for each other ({@link DummyCpi#meetNext}): each of the first {@code calls} goes
 * on only once all of them have arrived, so a test sees that they run at once; one that waits out {@code patience}
 * fails, naming how many came. Thread-safe.
 */
final class Meeting {
  private final String method;
  private final int calls;
  private final Duration patience;
  private final AtomicInteger seats;
  private final CountDownLatch arrivals;

  Meeting(String method, int calls, Duration patience) {
    if (calls < 1) {
      throw new IllegalArgumentException("a meeting of " + method + " needs at least one call, got " + calls);
    }
    this.method = method;
    this.calls = calls;
    this.patience = patience;
    this.seats = new AtomicInteger(calls);
    this.arrivals = new CountDownLatch(calls);
  }

  /** Takes a seat and waits for the others; false when every seat was taken already (the call goes on at once). */
  boolean attend() throws CpiException {
    if (seats.getAndDecrement() <= 0) {
      return false;
    }
    arrivals.countDown();
    try {
      if (!arrivals.await(patience.toMillis(), TimeUnit.MILLISECONDS)) {
        throw CpiErrors.cloudError(method + ": only " + (calls - arrivals.getCount()) + " of " + calls + " calls came together within " + patience.toMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw CpiErrors.cloudError(method + ": interrupted while waiting for the other calls");
    }
    return true;
  }
}
