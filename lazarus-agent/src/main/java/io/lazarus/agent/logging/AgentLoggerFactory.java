package io.lazarus.agent.logging;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.slf4j.ILoggerFactory;
import org.slf4j.Logger;

/** One {@link AgentLogger} per name, all writing to the same sink. Thread-safe. */
final class AgentLoggerFactory implements ILoggerFactory {
  private final ConcurrentMap<String, Logger> loggers = new ConcurrentHashMap<>();
  private final LogSink sink;
  private final boolean debug;

  AgentLoggerFactory(LogSink sink, boolean debug) {
    this.sink = sink;
    this.debug = debug;
  }

  @Override
  public Logger getLogger(String name) {
    return loggers.computeIfAbsent(name, n -> new AgentLogger(n, sink, debug));
  }
}
