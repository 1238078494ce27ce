package io.lazarus.director.templates;

import io.lazarus.core.planning.PropertyResolution;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.director.deploy.PlannerJobSpecs;
import io.lazarus.director.releases.JobSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Jobs, instances and links for template tests. */
final class TemplateFixtures {
  static final ReleaseRef RELEASE = new ReleaseRef("shop", "1.4.2");

  private TemplateFixtures() {}

  /** A job from {@code src/test/resources/templates/<name>}: its job.MF, monit and templates. */
  static JobTemplates jobFromResources(String name) {
    try {
      Path dir = Path.of(TemplateFixtures.class.getResource("/templates/" + name).toURI());
      JobSpec spec = JobSpec.parse(YamlDocument.parse(name + "/" + JobSpec.FILE, Files.readString(dir.resolve(JobSpec.FILE))));
      return JobTemplates.read(spec, RELEASE, dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A job named {@code test} with one template, {@code t.erb} rendered to {@code out}, and the given job.MF properties. */
  static JobTemplates inlineJob(String propertiesYaml, String template) {
    String jobMf = "name: test\ntemplates:\n  t.erb: out\nproperties:\n" + propertiesYaml.indent(2);
    JobSpec spec = JobSpec.parse(YamlDocument.parse("test/job.MF", jobMf));
    return new JobTemplates(spec, RELEASE, "check process test\n", Map.of("t.erb", template));
  }

  /** The properties {@code job}'s templates see when the manifest sets {@code manifestProperties}, as the planner resolves them. */
  static Map<String, Object> resolved(JobTemplates job, Map<String, Object> manifestProperties) {
    return PropertyResolution.resolve(PlannerJobSpecs.of(job.spec()), List.of(manifestProperties)).properties();
  }

  /** Instance 2 of instance group {@code frontend}, on network {@code default}, with a 10 GB disk. */
  static InstanceSpec frontend(boolean bootstrap) {
    return new InstanceSpec(
        "shop",
        "frontend",
        2,
        "6f1c3e8a-93c3-4b1e-a2a4-2f0f3f6c9b11",
        "z2",
        "6f1c3e8a-93c3-4b1e-a2a4-2f0f3f6c9b11.frontend.default.shop.bosh",
        "10.0.1.12",
        bootstrap,
        Map.of("default", new NetworkSpec("10.0.1.12", "255.255.255.0", "10.0.1.1", List.of("dns", "gateway"))),
        10240);
  }

  /** Two database instances in two zones; the first is the bootstrap one. */
  static ResolvedLink db() {
    return new ResolvedLink(
        "q-s0.postgres.default.shop.bosh",
        List.of(
            new LinkInstance("postgres", "0b7c0d7e-1111-4c1e-9d2e-6a8d9a1f0001", 0, "z1", "10.0.2.10", true),
            new LinkInstance("postgres", "0b7c0d7e-2222-4c1e-9d2e-6a8d9a1f0002", 1, "z2", "10.0.2.11", false)),
        Map.of("port", 5432));
  }
}
