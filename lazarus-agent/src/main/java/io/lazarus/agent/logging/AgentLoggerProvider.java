package io.lazarus.agent.logging;

import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * The agent's SLF4J binding: one line per event to {@code $VCAP_ROOT/bosh/log/current} (the console when
 * {@code VCAP_ROOT} is unset, as in tests). A full logging framework cost the agent a third of its start-up and a
 * few MB of metaspace on every VM; the agent needs levels, messages and stack traces, nothing more.
 * {@code LAZARUS_AGENT_LOG_LEVEL=debug} turns on debug lines.
 */
public final class AgentLoggerProvider implements SLF4JServiceProvider {
  private ILoggerFactory loggerFactory;
  private final IMarkerFactory markerFactory = new BasicMarkerFactory();
  private final MDCAdapter mdcAdapter = new NOPMDCAdapter();

  @Override
  public void initialize() {
    String level = System.getenv("LAZARUS_AGENT_LOG_LEVEL");
    loggerFactory = new AgentLoggerFactory(LogSink.fromEnvironment(), "debug".equalsIgnoreCase(level));
  }

  @Override
  public ILoggerFactory getLoggerFactory() {
    return loggerFactory;
  }

  @Override
  public IMarkerFactory getMarkerFactory() {
    return markerFactory;
  }

  @Override
  public MDCAdapter getMDCAdapter() {
    return mdcAdapter;
  }

  @Override
  public String getRequestedApiVersion() {
    return "2.0.99";
  }
}
