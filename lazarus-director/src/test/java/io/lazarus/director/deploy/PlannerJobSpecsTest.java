package io.lazarus.director.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.planning.JobSpec.PropertySpec;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.releases.JobSpec;
import org.junit.jupiter.api.Test;

class PlannerJobSpecsTest {
  @Test
  void aPropertyWithoutBodyOrWithoutDefaultHasNoDefault() {
    JobSpec spec = JobSpec.parse(YamlDocument.parse("job.MF", "name: api\nproperties:\n  port:\n  name: {}\n  debug: {default: false}\n  tls.port: {default: 443}\n"));

    assertThat(PlannerJobSpecs.of(spec).properties()).containsExactly(
        PropertySpec.required("port"), PropertySpec.required("name"), PropertySpec.withDefault("debug", false), PropertySpec.withDefault("tls.port", 443));
  }
}
