package io.lazarus.director.locks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * Locks as rows with an expiry (as BOSH keeps them), so they work across processes on one database and a lock
 * whose holder died frees itself. A held {@link Lock} renews its expiry until closed. Thread-safe.
 */
public final class Locks {
  /** BOSH's lock expiry; a holder renews well before it. */
  static final Duration EXPIRY = Duration.ofSeconds(240);

  private static final long RETRY_MS = 200;

  private final Jdbi jdbi;
  private final Clock clock;

  public Locks(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  public static String deploymentLock(String deployment) {
    return "lock:deployment:" + deployment;
  }

  public static String releaseLock(String release) {
    return "lock:release:" + release;
  }

  public static String stemcellLock(String stemcell) {
    return "lock:stemcell:" + stemcell;
  }

  /**
   * Takes lock {@code name} for task {@code taskId}, waiting up to {@code timeout} (zero: one attempt, as BOSH's
   * scan-and-fix does).
   *
   * @throws LockTimeoutException if it stays held by another
   * @throws InterruptedException if interrupted while waiting
   */
  public Lock acquire(String name, Long taskId, Duration timeout) throws InterruptedException {
    String uid = UUID.randomUUID().toString();
    long deadline = clock.millis() + timeout.toMillis();
    while (true) {
      if (tryInsert(name, uid, taskId)) {
        return new Lock(this, name, uid);
      }
      if (clock.millis() >= deadline) {
        throw new LockTimeoutException(name, uid);
      }
      Thread.sleep(RETRY_MS);
    }
  }

  private boolean tryInsert(String name, String uid, Long taskId) {
    long now = clock.millis();
    return jdbi.withHandle(
        handle -> {
          handle.createUpdate("DELETE FROM locks WHERE name = :name AND expires_at < :now").bind("name", name).bind("now", now).execute();
          return handle
                  .createUpdate(
                      "INSERT INTO locks (name, uid, task_id, expires_at) VALUES (:name, :uid, :task, :expires) ON CONFLICT DO NOTHING")
                  .bind("name", name)
                  .bind("uid", uid)
                  .bind("task", taskId)
                  .bind("expires", now + EXPIRY.toMillis())
                  .execute()
              > 0;
        });
  }

  boolean renew(String name, String uid) {
    return jdbi.withHandle(
            handle ->
                handle
                    .createUpdate("UPDATE locks SET expires_at = :expires WHERE name = :name AND uid = :uid")
                    .bind("expires", clock.millis() + EXPIRY.toMillis())
                    .bind("name", name)
                    .bind("uid", uid)
                    .execute())
        > 0;
  }

  void release(String name, String uid) {
    jdbi.useHandle(handle -> handle.createUpdate("DELETE FROM locks WHERE name = :name AND uid = :uid").bind("name", name).bind("uid", uid).execute());
  }

  /** The locks as {@code GET /locks} lists them: BOSH first purges locks that expired more than 60 s ago. */
  public List<LockRow> list() {
    long now = clock.millis();
    return jdbi.withHandle(
        handle -> {
          handle.createUpdate("DELETE FROM locks WHERE expires_at < :cutoff").bind("cutoff", now - 60_000).execute();
          return handle
              .createQuery("SELECT name, uid, task_id, expires_at FROM locks ORDER BY name")
              .map((rs, ctx) -> new LockRow(rs.getString("name"), rs.getString("uid"), (Long) rs.getObject("task_id", Long.class), rs.getLong("expires_at")))
              .list();
        });
  }

  /** After a restart no task of this Director holds anything: every lock is released. */
  public int releaseAll() {
    return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM locks").execute());
  }
}
