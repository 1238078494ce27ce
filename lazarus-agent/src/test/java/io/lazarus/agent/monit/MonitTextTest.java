package io.lazarus.agent.monit;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.supervisor.ProcessReport;
import io.lazarus.agent.supervisor.ProcessState;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class MonitTextTest {
  private final List<ProcessReport> reports = List.of(
      new ProcessReport("nats", "nats", ProcessState.RUNNING, 4242, 1, 3723, 16836, 0.4, 1.5),
      new ProcessReport("director", "director", ProcessState.NOT_RUNNING, 0, 0, 0, 0, 0, 0),
      new ProcessReport("worker", "director", ProcessState.STOPPED, 0, 0, 0, 0, 0, 0));

  @Test
  void summaryLooksLikeMonits() {
    assertThat(MonitText.summary(reports, Duration.ofMinutes(62), "system_3f0c"))
        .isEqualTo("""
            The Monit daemon 5.2.5 uptime: 1h 2m\s

            Process 'nats'                      running
            Process 'director'                  Does not exist
            Process 'worker'                    not monitored
            System 'system_3f0c'                running
            """);
  }

  @Test
  void statusShowsProcessDetails() {
    String status = MonitText.status(reports.subList(0, 1), Duration.ofMinutes(5), "system_3f0c",
        new MonitText.SystemFigures(new double[] {0.5, 0.25, 0.1}, 1024, 12.5),
        ZonedDateTime.of(2026, 11, 29, 20, 30, 0, 0, ZoneOffset.UTC), true);

    assertThat(status).isEqualTo("""
        The Monit daemon 5.2.5 uptime: 5m\s

        Process 'nats'
          status                            running
          monitoring status                 monitored
          pid                               4242
          parent pid                        1
          uptime                            1h 2m
          memory kilobytes                  16836
          memory percent                    0.4%
          cpu percent                       1.5%
          data collected                    Sun Nov 29 20:30:00 2026

        System 'system_3f0c'
          status                            running
          monitoring status                 monitored
          load average                      [0.50] [0.25] [0.10]
          memory usage                      1024 kB [12.5%]
          data collected                    Sun Nov 29 20:30:00 2026

        """);
  }

  @Test
  void uptimeNamesOnlyTheUnitsItNeeds() {
    assertThat(MonitText.uptime(Duration.ofSeconds(59))).isEqualTo("0m");
    assertThat(MonitText.uptime(Duration.ofHours(49).plusMinutes(3))).isEqualTo("2d 1h 3m");
    assertThat(MonitText.uptime(Duration.ofDays(1))).isEqualTo("1d 0h 0m");
  }
}
