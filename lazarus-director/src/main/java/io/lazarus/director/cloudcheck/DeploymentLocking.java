package io.lazarus.director.cloudcheck;

import io.lazarus.director.locks.Lock;
import io.lazarus.director.locks.LockTimeoutException;
import io.lazarus.director.locks.Locks;
import java.time.Duration;

/** Takes a deployment's lock for a cloud-check task. */
final class DeploymentLocking {
  /** BOSH's message when a scan finds the deployment locked (it does not wait). */
  static final String BUSY = "Unable to get deployment lock, maybe a deployment is in progress. Try again later.";

  private DeploymentLocking() {}

  /** One attempt; a held lock fails the task with BOSH's message. */
  static Lock withoutWaiting(Locks locks, String deployment, long taskId) throws InterruptedException {
    try {
      return locks.acquire(Locks.deploymentLock(deployment), taskId, Duration.ZERO);
    } catch (LockTimeoutException e) {
      throw new IllegalStateException(BUSY, e);
    }
  }
}
