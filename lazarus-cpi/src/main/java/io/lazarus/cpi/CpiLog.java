package io.lazarus.cpi;

/**
 * Where a CPI's own log goes: an external CPI's {@code log} and stderr. The Director writes it to the task's
 * {@code cpi} output. Implementations must accept calls from several threads.
 */
@FunctionalInterface
public interface CpiLog {
  CpiLog DISCARD = text -> {};

  /** Appends {@code text} (one or more lines, as the CPI wrote them). */
  void write(String text);
}
