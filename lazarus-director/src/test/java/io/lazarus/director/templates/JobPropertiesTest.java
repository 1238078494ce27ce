package io.lazarus.director.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.releases.JobSpec;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobPropertiesTest {
  private static JobSpec spec(String properties) {
    return JobSpec.parse(YamlDocument.parse("job.MF", "name: api\nproperties:\n" + properties.indent(2)));
  }

  @Test
  void takesTheManifestValueThenTheDefaultThenNilAndNests() {
    JobSpec spec = spec("port: {default: 80}\ntls.enabled: {default: true}\ntls.cert: {}\nname: {default: x}\n");

    Map<String, Object> resolved = JobProperties.resolve(spec, Map.of("port", 8080, "tls", Map.of("enabled", false)));

    Map<String, Object> tls = new HashMap<>();
    tls.put("enabled", false);
    tls.put("cert", null);
    assertThat(resolved).isEqualTo(Map.of("port", 8080, "tls", tls, "name", "x"));
  }

  @Test
  void dropsWhatTheSpecDoesNotDeclare() {
    assertThat(JobProperties.resolve(spec("port: {}"), Map.of("port", 1, "other", 2))).isEqualTo(Map.of("port", 1));
    assertThat(JobProperties.resolve(JobSpec.parse(YamlDocument.parse("job.MF", "name: api\n")), Map.of("port", 1))).isEmpty();
  }

  @Test
  void aDefinitionWithoutBodyMeansNoDefault() {
    Map<String, Object> resolved = JobProperties.resolve(spec("port:\n"), Map.of());

    assertThat(resolved).containsEntry("port", null).hasSize(1);
  }

  @Test
  void failsLikeBoshWhenTheManifestPutsAScalarWhereAHashIsNeeded() {
    assertThatThrownBy(() -> JobProperties.resolve(spec("tls.port: {default: 443}"), Map.of("tls", "on")))
        .isInstanceOf(TemplateRenderException.class)
        .hasMessage("Unable to render templates for job 'api'. Errors are:\n  - Property 'tls.port' expects a hash, but received 'String'");
  }
}
