package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.agent.supervisor.MonitSupervisorFactory;
import io.lazarus.agent.testing.AgentFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new agent on the root of one that was closed (an agent restart, a reboot_vm) follows the last job command.
 * The production supervisor runs the job.
 */
class JobsAfterRestartIT {
  /** The job's process copies a file of the persistent disk: it only starts right after the disk is back. */
  static final String WEB_CTL = """
      #!/bin/sh
      cp /var/vcap/store/data.txt /var/vcap/sys/run/web/started
      sleep 600 &
      echo $! > /var/vcap/sys/run/web/pid
      """;

  @TempDir Path tempDir;
  AgentFixture agent;
  Path started;

  @BeforeEach
  void applyTheJobOnAMountedDisk() throws Exception {
    agent = new AgentFixture(tempDir, 1).start(new MonitSupervisorFactory());
    started = agent.paths.sysRun().resolve("web/started");
    Files.writeString(agent.diskDir.resolve("data.txt"), "on the disk");
    assertThat(agent.runTask("mount_disk", "disk-1").has("value")).isTrue();
    assertThat(agent.runTask("apply", ApplyIT.spec(agent.blobstore, null, WEB_CTL)).path("value").asString()).isEqualTo("applied");
  }

  @AfterEach
  void closeAgent() {
    agent.close();
  }

  @Test
  void startedJobsRunAgainAfterARestartWithoutAStartAndAfterTheDiskIsMountedAgain() throws Exception {
    agent.call("start");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));

    restartAsAfterAReboot();

    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(started).hasContent("on the disk"));
    await().atMost(Duration.ofSeconds(10)).until(() -> agent.call("get_state").path("job_state").asString().equals("running"));
    await().atMost(Duration.ofSeconds(10)).until(() ->
        agent.heartbeats().stream().anyMatch(h -> h.body().path("job_state").asString().equals("running")));
  }

  @Test
  void stoppedJobsStayStoppedAfterARestartAndStartWhenTheDirectorSaysSo() throws Exception {
    agent.call("start");
    await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(started));
    assertThat(agent.runTask("stop").path("value").asString()).isEqualTo("stopped");

    restartAsAfterAReboot();

    assertThat(agent.call("get_state").path("job_state").asString()).isEqualTo("stopped");
    assertThat(started).doesNotExist();
    await().atMost(Duration.ofSeconds(10)).until(() -> !agent.heartbeats().isEmpty());
    assertThat(agent.heartbeats().getFirst().body().path("job_state").asString()).isEqualTo("stopped");

    assertThat(agent.call("start").asString()).isEqualTo("started");
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(started).hasContent("on the disk"));
  }

  @Test
  void jobsAppliedButNotStartedStayStoppedAfterARestart() throws Exception {
    restartAsAfterAReboot();

    assertThat(agent.call("get_state").path("job_state").asString()).isEqualTo("stopped");
    assertThat(started).doesNotExist();
  }

  @Test
  void theDiskTheSettingsNameIsMountedAtBootWhenNoneIsRecordedAsAfterReattachDiskAndReboot() throws Exception {
    assertThat(agent.runTask("unmount_disk", "disk-1").has("value")).isTrue();
    assertThat(agent.runTask("list_disk").path("value").toString()).isEqualTo("[]");
    agent.close();

    agent = new AgentFixture(tempDir, 1).start(new MonitSupervisorFactory());

    assertThat(agent.runTask("list_disk").path("value").toString()).isEqualTo("[\"disk-1\"]");
    assertThat(agent.paths.store().resolve("data.txt")).hasContent("on the disk");
  }

  /**
   * Closes the agent (its jobs' processes end with it) and starts a new one on the same root. As after a reboot, the
   * disk's mount is gone while {@code mounted_disks.json} still lists it.
   */
  private void restartAsAfterAReboot() throws Exception {
    agent.close();
    Files.deleteIfExists(started);
    Files.delete(agent.paths.store());
    assertThat(agent.paths.mountedDisksFile()).exists();
    agent = new AgentFixture(tempDir, 1).start(new MonitSupervisorFactory());
    assertThat(agent.paths.store()).isSymbolicLink();
    assertThat(agent.runTask("list_disk").path("value").toString()).isEqualTo("[\"disk-1\"]");
  }
}
