package io.lazarus.cpi.local.vm;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Named locks over one cloud root that hold across threads and across processes: the local CPI also runs as an
 * external CPI, one process per call, next to the console. Each lock is a thread lock plus an exclusive lock on
 * {@code locks/<name>.lock} (file locks alone are per process, and the JDK refuses overlapping ones in one JVM).
 *
 * <p>Callers take {@link #NETWORK} and {@link #DISKS} before a VM's lock, never the other way round.
 */
public final class CloudLocks {
  /** Held while IPs are checked and taken: creating a VM. */
  public static final String NETWORK = "network";
  /** Held while disks change hands: attaching, detaching, deleting disks. */
  public static final String DISKS = "disks";

  private static final ConcurrentMap<Path, ReentrantLock> THREAD_LOCKS = new ConcurrentHashMap<>();

  private final Path dir;

  public CloudLocks(CloudLayout layout) {
    this.dir = layout.locks();
  }

  public static String vm(String cid) {
    return "vm-lock-" + cid;
  }

  /** Blocks until the named lock is held; close the result to release it. */
  public Held acquire(String name) throws IOException {
    Path file = dir.resolve(name + ".lock");
    ReentrantLock threadLock = THREAD_LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    threadLock.lock();
    if (threadLock.getHoldCount() > 1) {
      return new Held(threadLock, null, null);
    }
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      return new Held(threadLock, channel, channel.lock());
    } catch (IOException | RuntimeException e) {
      if (channel != null) {
        channel.close();
      }
      threadLock.unlock();
      throw e;
    }
  }

  /** A held lock. */
  public static final class Held implements AutoCloseable {
    private final ReentrantLock threadLock;
    private final FileChannel channel;
    private final FileLock fileLock;

    private Held(ReentrantLock threadLock, FileChannel channel, FileLock fileLock) {
      this.threadLock = threadLock;
      this.channel = channel;
      this.fileLock = fileLock;
    }

    @Override
    public void close() throws IOException {
      try {
        if (fileLock != null) {
          fileLock.release();
          channel.close();
        }
      } finally {
        threadLock.unlock();
      }
    }
  }
}
