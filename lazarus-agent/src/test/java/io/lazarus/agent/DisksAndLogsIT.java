package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.testing.AgentFixture;
import io.lazarus.agent.testing.FakeDavBlobstore;
import io.lazarus.agent.testing.Tgz;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class DisksAndLogsIT {
  @TempDir Path tempDir;
  AgentFixture agent;

  @BeforeEach
  void start() throws Exception {
    agent = new AgentFixture(tempDir, 30).start();
  }

  @AfterEach
  void stop() {
    agent.close();
  }

  @Test
  void mountsListsMigratesAndUnmountsPersistentDisks() throws Exception {
    Files.writeString(agent.diskDir.resolve("data.txt"), "kept");
    assertThat(agent.runTask("mount_disk", "disk-1").has("value")).isTrue();
    assertThat(agent.paths.store().resolve("data.txt")).hasContent("kept");
    assertThat(agent.runTask("list_disk").path("value")).extracting(JsonNode::asString).containsExactly("disk-1");

    Path newDisk = Files.createDirectories(tempDir.resolve("disks/disk-2"));
    agent.runTask("add_persistent_disk", "disk-2", Map.of("path", newDisk.toString()));
    agent.runTask("mount_disk", "disk-2");
    assertThat(agent.paths.storeMigrationTarget()).isSymbolicLink();
    JsonNode migrated = agent.runTask("migrate_disk");
    assertThat(migrated.has("exception")).as(migrated.toString()).isFalse();
    assertThat(newDisk.resolve("data.txt")).hasContent("kept");
    assertThat(Files.readSymbolicLink(agent.paths.store())).isEqualTo(newDisk);

    JsonNode unmounted = agent.runTask("unmount_disk", "disk-2");
    assertThat(unmounted.path("value").path("message").asString()).isEqualTo("Unmounted partition of disk-2");
    assertThat(agent.runTask("list_disk").path("value")).isEmpty();
    assertThat(agent.paths.store()).isEmptyDirectory();
  }

  @Test
  void mountDiskOfAnUnknownCidFailsNamingIt() throws Exception {
    assertThat(agent.runTask("mount_disk", "disk-9").path("exception").path("message").asString())
        .contains("disk 'disk-9' is not in settings.json 'disks.persistent'");
  }

  @Test
  void fetchLogsUploadsTheFilteredJobLogs() throws Exception {
    Files.createDirectories(agent.paths.sysLog().resolve("web"));
    Files.writeString(agent.paths.sysLog().resolve("web/web.stdout.log"), "served\n");
    Files.writeString(agent.paths.sysLog().resolve("web/core.dump"), "binary");

    JsonNode done = agent.runTask("fetch_logs", "job", List.of("**/*.log"));

    JsonNode value = done.path("value");
    byte[] bundle = agent.blobstore.blob(value.path("blobstore_id").asString());
    assertThat(value.path("sha1").asString()).isEqualTo(FakeDavBlobstore.sha1(bundle));
    assertThat(Tgz.read(bundle)).containsOnlyKeys("web/web.stdout.log");
  }

  @Test
  void runScriptRunsEachJobsScriptAndFailsNamingTheJob() throws Exception {
    agent.runTask("apply", ApplyIT.spec(agent.blobstore, null));
    Path bin = agent.paths.root().resolve("jobs/web/bin");
    Files.writeString(bin.resolve("post-start"), "#!/bin/sh\necho 'db not reachable'\nexit 1\n");
    bin.resolve("post-start").toFile().setExecutable(true);

    JsonNode failed = agent.runTask("run_script", "post-start", Map.of());

    assertThat(failed.path("exception").path("message").asString())
        .endsWith("post-start failed for job 'web' (exit 1: db not reachable)");
    assertThat(agent.paths.sysLog().resolve("web/post-start.log")).hasContent("db not reachable");
  }
}
