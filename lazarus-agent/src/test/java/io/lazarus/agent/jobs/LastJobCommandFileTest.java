package io.lazarus.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastJobCommandFileTest {
  @TempDir Path dir;

  @Test
  void theLastRecordedCommandIsReadBackByAnotherInstance() throws Exception {
    Path file = dir.resolve("bosh/last_job_command");
    new LastJobCommandFile(file).record(JobCommand.START);
    new LastJobCommandFile(file).record(JobCommand.STOP);

    assertThat(new LastJobCommandFile(file).read()).contains(JobCommand.STOP);
    assertThat(file).hasContent("stop");
  }

  @Test
  void nothingRecordedReadsAsNoCommand() {
    assertThat(new LastJobCommandFile(dir.resolve("last_job_command")).read()).isEmpty();
  }

  @Test
  void aFileWithSomethingElseReadsAsNoCommand() throws Exception {
    Path file = Files.writeString(dir.resolve("last_job_command"), "restart\n");

    assertThat(new LastJobCommandFile(file).read()).isEmpty();
  }
}
