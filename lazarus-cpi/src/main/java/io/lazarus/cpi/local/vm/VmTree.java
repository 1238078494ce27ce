package io.lazarus.cpi.local.vm;

import io.lazarus.cpi.local.process.ProcStat;
import io.lazarus.cpi.local.process.ProcTable;
import io.lazarus.cpi.local.process.ProcessId;
import io.lazarus.cpi.local.process.Signals;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The processes of one VM: its first process (in {@code namespaces} mode {@code unshare}, whose child is the pid
 * namespace's init; in {@code plain} mode the init itself), the agent, and everything they started. Knows how to
 * stop, freeze, thaw and judge them.
 */
public final class VmTree {
  private static final Duration POLL = Duration.ofMillis(25);
  private static final Duration KILL_WAIT = Duration.ofSeconds(10);

  private final String cid;
  private final IsolationMode mode;
  private final ProcessId first;
  private final ProcessId agent;

  public VmTree(VmRecord vm) {
    this(vm.cid(), vm.mode(), vm.process(), vm.agent());
  }

  /** The tree of a VM whose agent is not known yet ({@code agent} pid 0). */
  public VmTree(String cid, IsolationMode mode, ProcessId first, ProcessId agent) {
    this.cid = cid;
    this.mode = mode;
    this.first = first;
    this.agent = agent;
  }

  public VmState state() {
    if (!ProcTable.isAlive(first)) {
      return VmState.STOPPED;
    }
    if (!ProcTable.isAlive(agent)) {
      return VmState.CRASHED;
    }
    return ProcTable.stat(agent.pid()).filter(ProcStat::stopped).isPresent() ? VmState.PAUSED : VmState.RUNNING;
  }

  /** Whether the VM's first process runs: the VM exists as far as the cloud is concerned. */
  public boolean alive() {
    return ProcTable.isAlive(first);
  }

  /**
   * Ends every process of the VM: SIGTERM to the agent and what it started, up to {@code grace} for them to exit,
   * then SIGKILL to whatever is left, first process included (in namespaces mode that ends the pid namespace).
   *
   * @throws IOException when processes of the VM are still alive after SIGKILL
   */
  public void stop(Duration grace) throws IOException {
    ProcTable table = ProcTable.read();
    Set<Long> keepers = keepers(table);
    Set<Long> tree = table.tree(first);
    Set<Long> workers = new HashSet<>(tree);
    workers.removeAll(keepers);
    Signals.send("TERM", workers);
    Signals.send("CONT", tree);
    awaitOnly(keepers, grace);
    Signals.send("KILL", ProcTable.read().tree(first));
    if (!awaitOnly(Set.of(), KILL_WAIT)) {
      throw new IOException("processes " + ProcTable.read().tree(first) + " of VM " + cid
          + " are still alive after SIGKILL");
    }
  }

  /** SIGKILLs the agent only: the VM stays, its agent is silent. */
  public void crashAgent() {
    if (ProcTable.isAlive(agent)) {
      Signals.send("KILL", Set.of(agent.pid()));
    }
  }

  /** SIGSTOPs every process of the VM, including those forked while it is being frozen. */
  public void pause() {
    Set<Long> stopped = new HashSet<>();
    for (int round = 0; round < 10; round++) {
      Set<Long> tree = ProcTable.read().tree(first);
      tree.removeAll(stopped);
      if (tree.isEmpty()) {
        return;
      }
      Signals.send("STOP", tree);
      stopped.addAll(tree);
    }
  }

  /** SIGCONTs every process of the VM. */
  public void resume() {
    Signals.send("CONT", ProcTable.read().tree(first));
  }

  /** The first process, and in namespaces mode the namespace's init: they outlive the agent until SIGKILL. */
  private Set<Long> keepers(ProcTable table) {
    Set<Long> keepers = new HashSet<>();
    keepers.add(first.pid());
    if (mode == IsolationMode.NAMESPACES) {
      table.children(first.pid()).forEach(child -> keepers.add(child.pid()));
    }
    return keepers;
  }

  /** Waits until the VM has no process but {@code allowed}; false when {@code limit} passed first. */
  private boolean awaitOnly(Set<Long> allowed, Duration limit) {
    long deadline = System.nanoTime() + limit.toNanos();
    while (true) {
      Set<Long> left = ProcTable.read().tree(first);
      left.removeAll(allowed);
      if (left.isEmpty()) {
        return true;
      }
      if (System.nanoTime() >= deadline) {
        return false;
      }
      try {
        Thread.sleep(POLL);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
