package io.lazarus.agent.supervisor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MonitFileTest {

  @Test
  void readsASingleProcessWithCtlScripts() {
    MonitFile file = MonitFile.parse("jobs/nats/monit", """
        check process nats
          with pidfile /var/vcap/sys/run/nats/nats.pid
          start program "/var/vcap/jobs/nats/bin/nats_ctl start"
          stop program "/var/vcap/jobs/nats/bin/nats_ctl stop"
          group vcap
        """);

    assertThat(file.processes()).containsExactly(new MonitProcess("nats",
        Path.of("/var/vcap/sys/run/nats/nats.pid"), "/var/vcap/jobs/nats/bin/nats_ctl start", Optional.empty(),
        Optional.of("/var/vcap/jobs/nats/bin/nats_ctl stop"), Optional.empty(), List.of("vcap"), List.of(),
        "jobs/nats/monit", 1));
  }

  @Test
  void readsSeveralProcessesWithDependenciesTimeoutsAndIgnoredTests() {
    MonitFile file = MonitFile.parse("jobs/director/monit", """
        # rendered by the director release
        check process director
          with pidfile /var/vcap/sys/run/director/director.pid
          start program "/var/vcap/jobs/director/bin/director_ctl start" with timeout 90 seconds
          stop program "/var/vcap/jobs/director/bin/director_ctl stop"
            with timeout 2 minutes
          depends on postgres, blobstore
          group vcap
          if failed host 127.0.0.1 port 25555 protocol http
             and request "/info" with timeout 10 seconds for 6 cycles then restart
          if totalmem > 2048 MB for 3 cycles then alert

        check process director_sync_dns
          with pidfile /var/vcap/sys/run/director/sync_dns.pid
          start program = "/bin/bash -c 'cd /var/vcap/packages/director && exec chpst -u vcap:vcap ./bin/sync-dns'"
            as uid root and gid root
          stop program = "/bin/bash -c 'kill $(cat /var/vcap/sys/run/director/sync_dns.pid)'"
          depends on director
          mode manual
          group vcap
        """);

    MonitProcess director = file.processes().get(0);
    assertThat(director.startTimeout()).contains(Duration.ofSeconds(90));
    assertThat(director.stopTimeout()).contains(Duration.ofMinutes(2));
    assertThat(director.dependsOn()).containsExactly("postgres", "blobstore");
    assertThat(director.groups()).containsExactly("vcap");
    MonitProcess syncDns = file.processes().get(1);
    assertThat(syncDns.line()).isEqualTo(13);
    assertThat(syncDns.startProgram())
        .isEqualTo("/bin/bash -c 'cd /var/vcap/packages/director && exec chpst -u vcap:vcap ./bin/sync-dns'");
    assertThat(syncDns.stopProgram())
        .contains("/bin/bash -c 'kill $(cat /var/vcap/sys/run/director/sync_dns.pid)'");
    assertThat(syncDns.dependsOn()).containsExactly("director");
  }

  @Test
  void acceptsMonitStatementsItHasNoUseFor() {
    MonitFile file = MonitFile.parse("jobs/redis/monit", """
        set daemon 10
        set httpd port 2822 and use address 127.0.0.1
          allow cleartext /var/vcap/monit/monit.user
        include /var/vcap/monit/job/*.monitrc

        check process redis with pidfile /var/vcap/sys/run/redis/redis.pid
          start program "/var/vcap/jobs/redis/bin/redis_ctl start" as uid vcap and gid vcap
          stop program "/var/vcap/jobs/redis/bin/redis_ctl stop"
          if failed port 6379 with timeout 5 seconds then restart else if succeeded then alert
          if cpu > 90% for 5 cycles then exec "/var/vcap/jobs/redis/bin/dump" as uid vcap
          if 5 restarts within 5 cycles then timeout
          alert ops@example.com only on { nonexist, timeout }
          every 2 cycles
          group vcap

        check file redis_conf with path /var/vcap/jobs/redis/config/redis.conf
          if changed checksum then alert

        check system localhost
          if loadavg (1min) > 8 then alert
        """);

    assertThat(file.processes()).singleElement().satisfies(redis -> {
      assertThat(redis.name()).isEqualTo("redis");
      assertThat(redis.pidfile()).isEqualTo(Path.of("/var/vcap/sys/run/redis/redis.pid"));
      assertThat(redis.stopProgram()).contains("/var/vcap/jobs/redis/bin/redis_ctl stop");
      assertThat(redis.groups()).containsExactly("vcap");
    });
  }

  @Test
  void aProcessWithoutStopProgramIsAccepted() {
    MonitFile file = MonitFile.parse("m", """
        check process worker
          with pidfile /var/vcap/sys/run/worker/worker.pid
          start program "/var/vcap/jobs/worker/bin/ctl"
        """);

    assertThat(file.processes().get(0).stopProgram()).isEmpty();
  }

  @Test
  void anUnterminatedQuoteNamesItsLine() {
    assertThatThrownBy(() -> MonitFile.parse("jobs/api/monit", """
        check process api
          with pidfile /var/vcap/sys/run/api/api.pid
          start program "/var/vcap/jobs/api/bin/api_ctl start
          stop program "/var/vcap/jobs/api/bin/api_ctl stop"
        """))
        .isInstanceOf(MonitFileException.class)
        .hasMessage("jobs/api/monit: line 3: unterminated quoted string (opened with \")");
  }

  @Test
  void checkProcessNeedsAName() {
    assertThatThrownBy(() -> MonitFile.parse("jobs/api/monit", """
        check process
          with pidfile /var/vcap/sys/run/api/api.pid
          start program "/x start"
        """))
        .isInstanceOf(MonitFileException.class)
        .hasMessage("jobs/api/monit: line 1: 'check process' without a name");
  }

  @Test
  void aProcessNeedsAPidfileAndAStartProgram() {
    assertThatThrownBy(() -> MonitFile.parse("jobs/a/monit", """
        check process a
          start program "/x start"
        """))
        .hasMessage("jobs/a/monit: line 1: process 'a' has no pidfile ('with pidfile /path/to/file.pid')");
    assertThatThrownBy(() -> MonitFile.parse("jobs/b/monit", """

        check process b
          with pidfile /var/vcap/sys/run/b.pid
          stop program "/x stop"
        """))
        .hasMessage("jobs/b/monit: line 2: process 'b' has no start program ('start program \"...\"')");
  }

  @Test
  void rejectsWhatMonitWouldReject() {
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile /p.pid
          start program /x/ctl start
        """)).hasMessage("m: line 3: 'start program' needs a quoted command");
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile run/a.pid
          start program "/x"
        """)).hasMessage("m: line 2: pidfile 'run/a.pid' is not an absolute path");
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile /a.pid
          start program "/x" with timeout ten seconds
        """)).hasMessage("m: line 3: timeout 'ten' is not a whole number");
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile /a.pid
          start program "/x" with timeout 10 cycles
        """)).hasMessage("m: line 3: timeout unit 'cycles' is not 'seconds' or 'minutes'");
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile /a.pid
          start program "/x"
          if failed port 80 restart
        check process b
          with pidfile /b.pid
          start program "/y"
        """)).hasMessage("m: line 4: 'if' without 'then'");
    assertThatThrownBy(() -> MonitFile.parse("m", """
        nonsense here
        """)).hasMessage("m: line 1: unexpected 'nonsense' outside a check statement");
  }

  @Test
  void aNameDefinedTwiceIsAnError() {
    assertThatThrownBy(() -> MonitFile.parse("m", """
        check process a
          with pidfile /a.pid
          start program "/x"
        check process a
          with pidfile /b.pid
          start program "/y"
        """)).hasMessage("m: line 4: process 'a' is defined twice");
  }
}
