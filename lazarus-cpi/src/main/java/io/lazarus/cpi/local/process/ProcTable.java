package io.lazarus.cpi.local.process;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A snapshot of the processes under a {@code /proc} directory. Processes come and go while it is read; one that
 * vanished half-way is simply absent.
 */
public final class ProcTable {
  private final Path proc;
  private final Map<Long, ProcStat> processes;

  private ProcTable(Path proc, Map<Long, ProcStat> processes) {
    this.proc = proc;
    this.processes = processes;
  }

  /** Reads every process of {@code /proc}. */
  public static ProcTable read() {
    return read(Path.of("/proc"));
  }

  static ProcTable read(Path proc) {
    Map<Long, ProcStat> processes = new TreeMap<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(proc, "[0-9]*")) {
      for (Path entry : entries) {
        stat(entry).ifPresent(stat -> processes.put(stat.pid(), stat));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot list the processes in " + proc + ": " + e.getMessage(), e);
    }
    return new ProcTable(proc, processes);
  }

  /** The stat of one live or zombie process, read now; empty when there is no such process. */
  public static Optional<ProcStat> stat(long pid) {
    return stat(Path.of("/proc", Long.toString(pid)));
  }

  private static Optional<ProcStat> stat(Path dir) {
    try {
      return Optional.of(ProcStat.parse(Files.readString(dir.resolve("stat"))));
    } catch (IOException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /** Whether {@code id} names a process that runs now (not a zombie, not a newer process with a reused pid). */
  public static boolean isAlive(ProcessId id) {
    return id != null && stat(id.pid()).filter(s -> s.startTime() == id.startTime() && !s.ended()).isPresent();
  }

  /** The process's id with its start time, when it runs now. */
  public static Optional<ProcessId> identify(long pid) {
    return stat(pid).filter(s -> !s.ended()).map(s -> new ProcessId(s.pid(), s.startTime()));
  }

  public Optional<ProcStat> get(long pid) {
    return Optional.ofNullable(processes.get(pid));
  }

  /**
   * The live processes of the tree rooted at {@code root}: the root (when alive), its descendants, and the members
   * of the session it leads (processes its children left behind keep the session even once their parent is gone).
   * Empty when the root's pid now names another process. Linux keeps a pid from reuse while a session still
   * carries it, so session members of a root that is gone are the root's.
   */
  public Set<Long> tree(ProcessId root) {
    Set<Long> tree = new LinkedHashSet<>();
    Optional<ProcStat> current = get(root.pid());
    if (current.isPresent() && current.get().startTime() != root.startTime()) {
      // The pid was reused: its session, if any, belongs to the newcomer.
      return tree;
    }
    Deque<Long> pending = new ArrayDeque<>();
    current.ifPresent(s -> pending.add(s.pid()));
    for (ProcStat stat : processes.values()) {
      if (stat.session() == root.pid() && stat.startTime() >= root.startTime()) {
        pending.add(stat.pid());
      }
    }
    while (!pending.isEmpty()) {
      long pid = pending.poll();
      if (tree.add(pid)) {
        for (ProcStat stat : processes.values()) {
          if (stat.ppid() == pid) {
            pending.add(stat.pid());
          }
        }
      }
    }
    tree.removeIf(pid -> processes.get(pid).ended());
    return tree;
  }

  /** The live children of {@code pid}. */
  public List<ProcStat> children(long pid) {
    return processes.values().stream().filter(s -> s.ppid() == pid && !s.ended()).toList();
  }

  /**
   * The pid of {@code pid} in its innermost pid namespace (the last {@code NSpid} entry of
   * {@code /proc/<pid>/status}); the pid itself outside namespaces.
   */
  public Optional<Long> innermostPid(long pid) {
    try {
      for (String line : Files.readAllLines(proc.resolve(Long.toString(pid)).resolve("status"))) {
        if (line.startsWith("NSpid:")) {
          String[] values = line.substring("NSpid:".length()).trim().split("\\s+");
          return Optional.of(Long.parseLong(values[values.length - 1]));
        }
      }
      return Optional.of(pid);
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
