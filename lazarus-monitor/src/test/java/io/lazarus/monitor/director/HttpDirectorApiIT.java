package io.lazarus.monitor.director;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.monitor.config.DirectorConnection;
import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.monitor.testing.FakeDirector;
import io.lazarus.testing.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HttpDirectorApiIT {
  private final FakeDirector director = startDirector();
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
  private final HttpDirectorApi api = new HttpDirectorApi(new DirectorConnection(director.url(), "hm", "secret", "hm", "secret", Optional.empty()), clock);

  private static FakeDirector startDirector() {
    try {
      return FakeDirector.start();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @AfterEach
  void stop() {
    director.close();
  }

  @Test
  void readsDeploymentsAndInstancesWithDefaultsForOlderDirectors() {
    Map<String, Object> full = FakeDirector.instance("i-1", "a-1", "web", 0, "vm-1");
    full.put("ignore", true);
    full.put("state", "stopped");
    full.put("disk_cid", "disk-1");
    director.deployment("demo", true, List.of(full, FakeDirector.instance("i-2", null, "web", 1, null)));
    assertThat(api.deployments()).containsExactly(new DirectorApi.DeploymentSummary("demo", List.of(), true));
    assertThat(api.instances("demo")).containsExactly(
        new InstanceSummary("i-1", "a-1", "web", 0, "vm-1", "z1", true, true, "stopped", "disk-1"),
        new InstanceSummary("i-2", null, "web", 1, null, "z1", true, false, "started", null));
    assertThat(director.requests()).contains("GET /info", "GET /deployments?exclude_configs=true&exclude_releases=true&exclude_stemcells=true");
  }

  @Test
  void readsTheResurrectionSwitchAndTheStatefulSettingDefaultingToBoshs() {
    assertThat(api.resurrection()).isEqualTo(new DirectorApi.ResurrectionSwitch(true, Optional.empty(), Optional.empty(), true));
    director.resurrection(Map.of("resurrection", false, "paused_since", 1_800_000_000L, "auto_fix_stateful_nodes", false));
    assertThat(api.resurrection()).isEqualTo(new DirectorApi.ResurrectionSwitch(false, Optional.empty(), Optional.of(Instant.ofEpochSecond(1_800_000_000L)), false));
  }

  @Test
  void scanAndFixReturnsTheTaskOfTheRedirect() {
    long task = api.scanAndFix("demo", Map.of("web", List.of("i-1")));
    assertThat(task).isEqualTo(101);
    assertThat(director.scans()).containsExactly(Map.of("jobs", Map.of("web", List.of("i-1")), "deployment", "demo"));
    assertThat(api.task(task).state()).isEqualTo("done");
    api.tasks("demo", List.of("queued", "processing"));
    assertThat(director.requests()).contains("GET /tasks?deployment=demo&state=queued%2Cprocessing&verbose=2");
  }

  @Test
  void uaaTokensAreReusedUntilLessThanAMinuteRemains() {
    director.useUaa(300);
    api.deployments();
    api.deployments();
    assertThat(director.tokensIssued()).isEqualTo(1);
    clock.advance(Duration.ofSeconds(241));
    api.deployments();
    assertThat(director.tokensIssued()).isEqualTo(2);
  }

  @Test
  void failuresCarryTheStatus() {
    assertThatThrownBy(() -> api.instances("missing")).isInstanceOf(DirectorApiException.class).hasMessageContaining("HTTP 404")
        .satisfies(e -> assertThat(((DirectorApiException) e).status()).isEqualTo(404));
    director.close();
    assertThatThrownBy(api::info).isInstanceOf(DirectorApiException.class).satisfies(e -> assertThat(((DirectorApiException) e).status()).isZero());
  }
}
