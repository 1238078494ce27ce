package io.lazarus.agent.logging;

import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/** INFO and above (DEBUG when asked), formatted by SLF4J's own message formatter. */
final class AgentLogger extends LegacyAbstractLogger {
  private static final long serialVersionUID = 1L;

  private final transient LogSink sink;
  private final String shortName;
  private final boolean debug;

  AgentLogger(String name, LogSink sink, boolean debug) {
    this.name = name;
    this.shortName = name.substring(name.lastIndexOf('.') + 1);
    this.sink = sink;
    this.debug = debug;
  }

  @Override
  public boolean isTraceEnabled() {
    return false;
  }

  @Override
  public boolean isDebugEnabled() {
    return debug;
  }

  @Override
  public boolean isInfoEnabled() {
    return true;
  }

  @Override
  public boolean isWarnEnabled() {
    return true;
  }

  @Override
  public boolean isErrorEnabled() {
    return true;
  }

  @Override
  protected String getFullyQualifiedCallerName() {
    return null;
  }

  @Override
  protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] arguments, Throwable throwable) {
    String message = arguments == null || arguments.length == 0 ? pattern : MessageFormatter.basicArrayFormat(pattern, arguments);
    sink.write(level, shortName, message, throwable);
  }
}
