package io.lazarus.director.templates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.releases.JobSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobTemplatesTest {
  private static JobSpec spec(String templates) {
    return JobSpec.parse(YamlDocument.parse("job.MF", "name: api\ntemplates:\n" + templates.indent(2)));
  }

  @Test
  void readsMonitAndTheListedTemplatesFromAJobDirectory(@TempDir Path job) throws IOException {
    Files.createDirectories(job.resolve("templates/bin"));
    Files.writeString(job.resolve("monit"), "check process api\n");
    Files.writeString(job.resolve("templates/bin/ctl.erb"), "<%= p('port') %>");
    Files.writeString(job.resolve("templates/unlisted.erb"), "ignored");

    JobTemplates templates = JobTemplates.read(spec("bin/ctl.erb: bin/ctl"), TemplateFixtures.RELEASE, job);

    assertThat(templates.monit()).isEqualTo("check process api\n");
    assertThat(templates.sources()).isEqualTo(Map.of("bin/ctl.erb", "<%= p('port') %>"));
  }

  @Test
  void refusesATemplateOutsideTheTemplatesDirectory(@TempDir Path job) throws IOException {
    Files.writeString(job.resolve("monit"), "");
    Files.writeString(job.resolve("secret"), "x");

    assertThatThrownBy(() -> JobTemplates.read(spec("../secret: out"), TemplateFixtures.RELEASE, job))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Job 'api' lists template '../secret' but templates/../secret is not a file in the job");
  }

  @Test
  void refusesASpecTemplateWithoutSource() {
    assertThatThrownBy(() -> new JobTemplates(spec("ctl.erb: bin/ctl"), TemplateFixtures.RELEASE, "", Map.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Job 'api' lists template 'ctl.erb' but has no source for it");
  }
}
