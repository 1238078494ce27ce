package io.lazarus.agent.heartbeat;

import io.lazarus.agent.transport.HeartbeatSender;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one heartbeat at start and then one every interval, on one scheduler thread, so a slow receiver delays
 * the next beat instead of piling them up. A failed beat is the sender's to report; the loop goes on.
 * IMPORTANT: must be closed; {@link #start()} may be called once.
 */
public final class HeartbeatLoop implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(HeartbeatLoop.class);

  private enum State { LATENT, STARTED, CLOSED }

  private final HeartbeatFactory factory;
  private final HeartbeatSender sender;
  private final Duration interval;
  private final AtomicReference<State> state = new AtomicReference<>(State.LATENT);
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(Thread.ofVirtual().name("heartbeat").factory());

  public HeartbeatLoop(HeartbeatFactory factory, HeartbeatSender sender, Duration interval) {
    this.factory = factory;
    this.sender = sender;
    this.interval = interval;
  }

  public void start() {
    if (!state.compareAndSet(State.LATENT, State.STARTED)) {
      throw new IllegalStateException("heartbeat loop already started or closed");
    }
    scheduler.scheduleWithFixedDelay(this::beat, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void beat() {
    try {
      sender.heartbeat(factory.next());
    } catch (RuntimeException e) {
      // A bug or unreadable /proc must not end the schedule: the next beat tries again.
      log.warn("could not compose a heartbeat", e);
    }
  }

  @Override
  public void close() {
    state.set(State.CLOSED);
    scheduler.shutdownNow();
  }
}
