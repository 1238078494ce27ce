package io.lazarus.agent.supervisor;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.JobSupervisorFactory;
import io.lazarus.agent.monit.MonitControlServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The agent's production supervisor: a {@link MonitSupervisor} with its control socket at {@code
 * bosh/monit.sock}, so the {@code monit} command inside the VM works. Found by the agent through {@code
 * META-INF/services}.
 */
public final class MonitSupervisorFactory implements JobSupervisorFactory {

  @Override
  public JobSupervisor create(AgentPaths paths, SupervisorListener listener) {
    MonitSupervisor supervisor = new MonitSupervisor(listener);
    try {
      MonitControlServer control = MonitControlServer.start(paths.bosh().resolve("monit.sock"), supervisor, "system_localhost", Clock.systemUTC());
      return new Controlled(supervisor, control);
    } catch (IOException e) {
      supervisor.close();
      throw new UncheckedIOException("cannot open the monit control socket under " + paths.bosh(), e);
    }
  }

  /** The supervisor and its control socket, closed together (socket first, so no command races the shutdown). */
  private record Controlled(MonitSupervisor supervisor, MonitControlServer control) implements JobSupervisor {
    @Override
    public void load(List<MonitJob> jobs) {
      supervisor.load(jobs);
    }

    @Override
    public void startAll() {
      supervisor.startAll();
    }

    @Override
    public void stopAll(Duration timeout) throws InterruptedException {
      supervisor.stopAll(timeout);
    }

    @Override
    public JobState jobState() {
      return supervisor.jobState();
    }

    @Override
    public List<ProcessStatus> processes() {
      return supervisor.processes();
    }

    @Override
    public void close() {
      control.close();
      supervisor.close();
    }
  }
}
