package io.lazarus.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.AgentPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DrainRunnerTest {
  @TempDir Path root;

  void drainScript(String job, String body) throws Exception {
    Path bin = Files.createDirectories(root.resolve("jobs").resolve(job).resolve("bin"));
    Files.writeString(bin.resolve("drain"), "#!/bin/sh\n" + body);
    bin.resolve("drain").toFile().setExecutable(true);
  }

  @Test
  void returnsTheLargestValueTheScriptsPrintAndPassesBoshsArguments() throws Exception {
    drainScript("web", "echo \"$1 $2\" > /dev/stderr\necho 5\n");
    drainScript("worker", "echo 12\n");

    int value = new DrainRunner(new JobScripts(new AgentPaths(root))).drain(List.of("job_shutdown", "hash_unchanged"), Map.of());

    assertThat(value).isEqualTo(12);
    assertThat(root.resolve("sys/log/web/drain.log")).hasContent("job_shutdown hash_unchanged\n5");
  }

  @Test
  void noDrainScriptsMeansZero() throws Exception {
    assertThat(new DrainRunner(new JobScripts(new AgentPaths(root))).drain(List.of("job_shutdown", "hash_unchanged"), Map.of())).isZero();
  }

  @Test
  void aScriptPrintingNoIntegerFailsNamingItsJob() throws Exception {
    drainScript("web", "echo soon\n");
    assertThatThrownBy(() -> new DrainRunner(new JobScripts(new AgentPaths(root))).drain(List.of("job_shutdown", "hash_unchanged"), Map.of()))
        .hasMessage("drain script of job 'web' printed 'soon', not an integer");
  }
}
