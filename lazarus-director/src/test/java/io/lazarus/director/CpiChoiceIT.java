package io.lazarus.director;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CPI named by director.yml's {@code cpi} key is the one the Director runs with and {@code GET /info} names. */
class CpiChoiceIT {
  @TempDir Path dir;

  @Test
  void aDirectorConfiguredWithTheDummyCpiRunsIt() throws Exception {
    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: dummy}\n")) {
      assertThat(director.services().cpi()).isInstanceOf(DummyCpi.class);
      assertThat(director.client().jsonObject(director.client().get("/info"))).containsEntry("cpi", "dummy");
    }
  }

  @Test
  void anExternalCpiIsCalledThroughItsExecutableAndShownByName() throws Exception {
    Path program = Files.writeString(dir.resolve("fake-cpi"), """
        #!/bin/sh
        cat >/dev/null
        echo '{"result": {"api_version": 2, "stemcell_formats": ["fake-tgz"]}, "error": null, "log": ""}'
        """);
    program.toFile().setExecutable(true);

    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: external, executable: fake-cpi, name: fake_cpi}\n")) {
      assertThat(director.client().jsonObject(director.client().get("/info"))).containsEntry("cpi", "fake_cpi");
      assertThat(director.services().cpi().info().stemcellFormats()).containsExactly("fake-tgz");
    }
  }

  @Test
  void anExternalCpisLogGoesToTheCpiOutputOfTheTaskThatCalledIt() throws Exception {
    Path program = Files.writeString(dir.resolve("logging-cpi"), """
        #!/bin/sh
        request="$(cat)"
        case "$request" in
          *create_stemcell*) echo '{"result": "sc-42", "error": null, "log": "imported image as sc-42"}' ;;
          *) echo '{"result": {"api_version": 2, "stemcell_formats": ["local-tgz"]}, "error": null, "log": ""}' ;;
        esac
        """);
    program.toFile().setExecutable(true);

    try (TestDirector director = TestDirector.start(DatabaseKind.H2, dir, "cpi: {type: external, executable: logging-cpi}\n")) {
      ApiClient api = director.admin();
      Map<String, Object> task = Tasks.done(api, api.postFile("/stemcells", "application/x-compressed", StemcellTarball.of("bosh-ext", "1").writeTo(dir.resolve("s.tgz"))));

      assertThat(api.get("/tasks/" + task.get("id") + "/output?type=cpi").body()).contains("imported image as sc-42");
      assertThat(director.services().stemcells().find("bosh-ext", "1", "logging-cpi").orElseThrow().cid()).isEqualTo("sc-42");
    }
  }
}
