package io.lazarus.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.agent.testing.AgentFixture;
import io.lazarus.agent.testing.FakeDavBlobstore;
import io.lazarus.agent.testing.Tgz;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

class CompilePackageIT {
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
  void compilesAPackageWithItsDependencyAndUploadsTheResult() throws Exception {
    byte[] dependency = Tgz.of(Map.of("lib/base.txt", "base"));
    String dependencyId = agent.blobstore.add(dependency);
    Map<String, String> sourceFiles = new LinkedHashMap<>();
    sourceFiles.put("packaging", """
        set -e
        mkdir -p ${BOSH_INSTALL_TARGET}/bin
        cp app.txt ${BOSH_INSTALL_TARGET}/bin/app.txt
        cat ${BOSH_PACKAGES_DIR}/base/lib/base.txt >> ${BOSH_INSTALL_TARGET}/bin/app.txt
        echo "$BOSH_PACKAGE_NAME $BOSH_PACKAGE_VERSION" > ${BOSH_INSTALL_TARGET}/version
        echo compiled
        """);
    sourceFiles.put("app.txt", "app+");
    byte[] source = Tgz.of(sourceFiles);
    String sourceId = agent.blobstore.add(source);

    JsonNode done = agent.runTask("compile_package", sourceId, FakeDavBlobstore.sha1(source), "app", "2.1",
        Map.of("base", Map.of("name", "base", "version", "0.9", "sha1", FakeDavBlobstore.sha1(dependency), "blobstore_id", dependencyId)));

    JsonNode result = done.path("value").path("result");
    byte[] compiled = agent.blobstore.blob(result.path("blobstore_id").asString());
    assertThat(compiled).isNotNull();
    assertThat(result.path("sha1").asString()).isEqualTo(FakeDavBlobstore.sha1(compiled));
    assertThat(Tgz.read(compiled)).containsEntry("bin/app.txt", "app+base").containsEntry("version", "app 2.1\n");
  }

  @Test
  void aFailingPackagingScriptFailsTheTaskQuotingItsLastLines() throws Exception {
    byte[] source = Tgz.of(Map.of("packaging", "echo configuring\necho 'gcc: not found' >&2\nexit 3\n"));
    String sourceId = agent.blobstore.add(source);

    JsonNode failed = agent.runTask("compile_package", sourceId, FakeDavBlobstore.sha1(source), "broken", "1", Map.of());

    assertThat(failed.path("exception").path("message").asString())
        .contains("packaging of package 'broken' 1 exited with 3")
        .contains("configuring")
        .contains("gcc: not found");
  }
}
