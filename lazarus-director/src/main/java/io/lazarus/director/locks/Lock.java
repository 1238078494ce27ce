package io.lazarus.director.locks;

import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A held lock. It renews its row's expiry from a virtual thread until closed. IMPORTANT: must be closed
 * (try-with-resources); closing deletes the row.
 */
public final class Lock implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Lock.class);

  private final Locks locks;
  private final String name;
  private final String uid;
  private final Thread renewer;

  Lock(Locks locks, String name, String uid) {
    this.locks = locks;
    this.name = name;
    this.uid = uid;
    this.renewer = Thread.ofVirtual().name("lock-renewer " + name).start(this::renewUntilClosed);
  }

  private void renewUntilClosed() {
    long interval = Locks.EXPIRY.toMillis() / 4;
    try {
      while (true) {
        TimeUnit.MILLISECONDS.sleep(interval);
        try {
          if (!locks.renew(name, uid)) {
            return; // the row is gone (released, or purged after the Director restarted)
          }
        } catch (RuntimeException e) {
          // The database may be briefly unreachable; the expiry leaves three more chances before the lock lapses.
          LOG.warn("cannot renew {}: {}", name, e.getMessage());
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  public String name() {
    return name;
  }

  @Override
  public void close() {
    renewer.interrupt();
    locks.release(name, uid);
  }
}
