package io.lazarus.agent;

import io.lazarus.agent.settings.SettingsException;
import io.lazarus.core.tls.TlsException;
import java.util.ServiceLoader;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The VM's first process ({@code bosh/bin/bosh-agent}): reads {@code $VCAP_ROOT/bosh/settings.json}, starts the
 * agent and runs until SIGTERM, which closes everything (the supervisor stops the jobs' processes).
 */
public final class AgentMain {
  private AgentMain() {}

  public static void main(String[] args) throws InterruptedException {
    io.lazarus.agent.tls.TlsWarmUp.startInBackground();
    Logger log = LoggerFactory.getLogger(AgentMain.class);
    AgentPaths paths = AgentPaths.fromEnvironment();
    Agent agent;
    try {
      agent = Agent.start(paths, supervisorFactory(), Agent.Options.production());
    } catch (SettingsException | TlsException | IllegalStateException e) {
      // The message says what to fix (a settings field, the TLS material, the class path): no stack trace.
      log.error("agent cannot start: {}", e.getMessage());
      System.exit(1);
      return;
    } catch (Exception e) {
      log.error("agent cannot start", e);
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      log.info("agent stopping");
      agent.close();
      stopped.countDown();
    }, "agent-shutdown"));
    stopped.await();
  }

  /**
   * The job supervisor implementation: the first {@link JobSupervisorFactory} the class path offers through
   * {@code META-INF/services}. The supervisor module registers its own there.
   */
  static JobSupervisorFactory supervisorFactory() {
    return ServiceLoader.load(JobSupervisorFactory.class).findFirst().orElseThrow(() -> new IllegalStateException(
        "no job supervisor on the class path: expected a META-INF/services/" + JobSupervisorFactory.class.getName() + " entry"));
  }
}
