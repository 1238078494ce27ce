package io.lazarus.monitor.resurrector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.core.yaml.YamlValues;
import io.lazarus.monitor.plugins.PluginProvider;
import java.time.Duration;
import java.util.Map;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

class ResurrectorProviderTest {

  private static ResurrectorOptions read(String optionsYaml) {
    YamlDocument doc = YamlDocument.parse("hm.yml", "plugins:\n- name: resurrector\n  options:\n" + optionsYaml.indent(4));
    Map<String, Object> plugin = YamlValues.map(doc, "plugins[0]", YamlValues.list(doc, "plugins", doc.rootMap().get("plugins")).get(0));
    return ResurrectorOptions.read(doc, "plugins[0].options", YamlValues.optionalMap(doc, "plugins[0]", plugin, "options"));
  }

  @Test
  void isFoundByServiceLoaderAsResurrector() {
    assertThat(ServiceLoader.load(PluginProvider.class).stream().map(p -> p.get().name())).contains("resurrector");
  }

  @Test
  void absentOptionsAreTheDefaults() {
    assertThat(read("{}")).isEqualTo(ResurrectorOptions.defaults());
    assertThat(ResurrectorOptions.defaults().meltdown()).isEqualTo(new MeltdownThresholds(5, 0.2, Duration.ofSeconds(600)));
  }

  @Test
  void readsEveryOption() {
    ResurrectorOptions options =
        read("""
            minimum_down_jobs: 3
            percent_threshold: 0.5
            time_threshold: 300
            az_meltdown: false
            director_wide_meltdown: false
            backoff: {initial: 10, max: 80}
            flap_limit: {attempts: 2, window: 600}
            verify_timeout: 60
            pause_alert_after: 120
            unhealthy_alert_after: 240
            """);
    assertThat(options)
        .isEqualTo(new ResurrectorOptions(new MeltdownThresholds(3, 0.5, Duration.ofSeconds(300)), false, false,
            new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(80)), new FlapLimit(2, Duration.ofSeconds(600)), Duration.ofSeconds(60),
            Duration.ofSeconds(120), Duration.ofSeconds(240), ResurrectorOptions.DEFAULT_POLL_INTERVAL));
  }

  @Test
  void badOptionsNameTheirPathAndLine() {
    assertThatThrownBy(() -> read("percent_threshold: 20")).isInstanceOf(YamlException.class)
        .hasMessageContaining("hm.yml: line 4: 'plugins[0].options.percent_threshold': expected a fraction between 0 and 1, got 20");
    assertThatThrownBy(() -> read("backoff: {initial: 60, max: 30}")).hasMessageContaining("'plugins[0].options.backoff.max': must not be less than");
    assertThatThrownBy(() -> read("flap_limit: {attempts: 0}")).hasMessageContaining("'plugins[0].options.flap_limit.attempts'");
    assertThatThrownBy(() -> read("verify_timeout: soon")).hasMessageContaining("'plugins[0].options.verify_timeout': expected an integer");
    assertThatThrownBy(() -> read("az_meltdwon: true")).hasMessageContaining("unknown field 'az_meltdwon'");
  }

  @Test
  void backoffDoublesUpToItsMaximum() {
    Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(600));
    assertThat(java.util.stream.IntStream.rangeClosed(1, 7).mapToObj(backoff::delayAfter).map(Duration::toSeconds))
        .containsExactly(30L, 60L, 120L, 240L, 480L, 600L, 600L);
  }
}
