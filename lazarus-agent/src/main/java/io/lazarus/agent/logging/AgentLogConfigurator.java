package io.lazarus.agent.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.Configurator;
import ch.qos.logback.classic.spi.ConfiguratorRank;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.ConsoleAppender;
import ch.qos.logback.core.FileAppender;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.spi.ContextAwareBase;
import java.nio.file.Path;

/**
 * Logging set up in code rather than logback.xml, which would load logback's XML machinery into every VM: the
 * agent runs in a small heap. With {@code VCAP_ROOT} set (the agent on a VM) it appends to
 * {@code $VCAP_ROOT/bosh/log/current}; without it (tests) it writes to the console.
 */
@ConfiguratorRank(ConfiguratorRank.CUSTOM_HIGH_PRIORITY)
public final class AgentLogConfigurator extends ContextAwareBase implements Configurator {

  @Override
  public ExecutionStatus configure(LoggerContext context) {
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSSXXX,UTC} %-5level [%thread] %logger{0}: %msg%n");
    encoder.start();

    String root = System.getenv("VCAP_ROOT");
    OutputStreamAppender<ILoggingEvent> appender;
    if (root != null && !root.isBlank()) {
      FileAppender<ILoggingEvent> file = new FileAppender<>();
      file.setFile(Path.of(root, "bosh", "log", "current").toString());
      file.setAppend(true);
      appender = file;
    } else {
      appender = new ConsoleAppender<>();
    }
    appender.setContext(context);
    appender.setName("agent");
    appender.setEncoder(encoder);
    appender.start();

    ch.qos.logback.classic.Logger rootLogger = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    rootLogger.setLevel(Level.INFO);
    rootLogger.addAppender(appender);
    return ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY;
  }
}
