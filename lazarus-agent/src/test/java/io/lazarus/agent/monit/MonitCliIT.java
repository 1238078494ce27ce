package io.lazarus.agent.monit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.lazarus.agent.supervisor.JobState;
import io.lazarus.agent.supervisor.MonitSupervisor;
import io.lazarus.agent.supervisor.ProcessStatus;
import io.lazarus.agent.supervisor.SupervisorListener;
import io.lazarus.agent.supervisor.TestJobs;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitCliIT {
  @TempDir Path dir;
  private TestJobs jobs;
  private MonitSupervisor supervisor;
  private MonitControlServer server;
  private Path socket;

  @BeforeEach
  void start() throws IOException {
    jobs = new TestJobs(dir);
    supervisor = new MonitSupervisor(new SupervisorListener() {}, Clock.systemUTC(), TestJobs.fastSettings());
    socket = dir.resolve("vcap/bosh/monit.sock");
    server = MonitControlServer.start(socket, supervisor, "system_3f0c", Clock.systemUTC());
    supervisor.load(List.of(jobs.sleeper("nats"), jobs.sleeper("director", "nats")));
    supervisor.startAll();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
  }

  @AfterEach
  void stop() {
    server.close();
    supervisor.close();
    assertThat(jobs.liveSpawnedPids()).isEmpty();
    assertThat(jobs.liveProcessesUnderRoot()).isEmpty();
    assertThat(socket).doesNotExist();
  }

  @Test
  void summaryPrintsOneLinePerProcessLikeMonit() {
    Run run = monit("summary");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("The Monit daemon 5.2.5 uptime: 0m \n\n").contains(
        "Process 'nats'                      running\n",
        "Process 'director'                  running\n",
        "System 'system_3f0c'                running\n");
  }

  @Test
  void stopAllStopsEverythingBeforeItReturns() {
    Run run = monit("stop", "all");

    assertThat(run.exitCode()).isZero();
    assertThat(supervisor.processes()).extracting(ProcessStatus::state).containsOnly("stopped");
    assertThat(jobs.liveSpawnedPids()).isEmpty();
    assertThat(monit("summary").out()).contains("Process 'nats'                      not monitored\n");

    assertThat(monit("start", "director").exitCode()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
  }

  @Test
  void restartOfAProcessRestartsWhatDependsOnItToo() {
    Run run = monit("restart", "nats");

    assertThat(run.exitCode()).isZero();
    await().atMost(Duration.ofSeconds(10)).until(() -> supervisor.jobState() == JobState.RUNNING);
    assertThat(jobs.eventLines()).containsExactly(
        "start nats", "start director", "stop director", "stop nats", "start nats", "start director");
  }

  @Test
  void statusShowsTheProcessDetails() {
    Run run = monit("status", "nats");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Process 'nats'\n", "  status                            running\n",
        "  pid                               " + jobs.spawnedPids().get(0) + "\n");
  }

  @Test
  void anUnknownProcessOrActionFails() {
    assertThat(monit("stop", "natz")).isEqualTo(new Run(1, "", "monit: There is no service by that name\n"));
    assertThat(monit("reboot").exitCode()).isEqualTo(1);
  }

  @Test
  void saysSoWhenTheAgentIsNotRunning() {
    server.close();

    Run run = monit("summary");

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).startsWith("monit: cannot reach the job supervisor at " + socket).endsWith(
        "is the agent running?\n");
  }

  @Test
  void theStemcellLauncherRunsTheCommandFromTheAgentJar() throws Exception {
    Path jar = agentJar();
    Path vcap = dir.resolve("vcap");
    Files.createDirectories(vcap.resolve("bosh/lib"));
    Files.copy(jar, vcap.resolve("bosh/lib/lazarus-agent.jar"));
    ProcessBuilder builder = new ProcessBuilder("/bin/sh", "src/main/stemcell/bosh/bin/monit", "summary")
        .redirectErrorStream(true);
    builder.environment().put("VCAP_ROOT", vcap.toString());
    builder.environment().put("LAZARUS_JAVA", ProcessHandle.current().info().command().orElseThrow());
    Process process = builder.start();

    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(output).isZero();
    assertThat(output).contains("Process 'director'                  running\n");
  }

  /** The runnable agent jar the stemcell carries: the package phase builds it before the ITs run. */
  private static Path agentJar() {
    Path jar = Path.of("target/lazarus-agent.jar");
    assertThat(jar).as("the shaded agent jar (built by 'package' before the ITs)").exists();
    return jar;
  }

  private Run monit(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    List<String> all = new java.util.ArrayList<>(List.of("--socket", socket.toString()));
    all.addAll(List.of(args));
    int code = MonitCli.run(all, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private record Run(int exitCode, String out, String err) {}
}
