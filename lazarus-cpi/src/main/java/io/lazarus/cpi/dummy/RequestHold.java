package io.lazarus.cpi.dummy;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Holds a paused agent's requests: while paused, {@link #awaitAnswering()} blocks, so the caller's connection stays
 * open and unanswered until its own timeout, as with an agent that hangs (a refused connection would fail at once).
 * Thread-safe; a lock and condition rather than {@code synchronized}, so held virtual threads do not pin carriers.
 */
final class RequestHold {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private boolean paused;
  private long drops;

  void pause() {
    lock.lock();
    try {
      paused = true;
    } finally {
      lock.unlock();
    }
  }

  /** Ends the pause: held requests are answered. */
  void resume() {
    lock.lock();
    try {
      paused = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Lets go of the requests held now without answering them (their server stopped); a pause stays. */
  void dropHeld() {
    lock.lock();
    try {
      drops++;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Returns at once when not paused; otherwise waits for {@link #resume()} (true) or {@link #dropHeld()} (false). */
  boolean awaitAnswering() throws InterruptedException {
    lock.lock();
    try {
      long generation = drops;
      while (paused && drops == generation) {
        changed.await();
      }
      return drops == generation;
    } finally {
      lock.unlock();
    }
  }
}
