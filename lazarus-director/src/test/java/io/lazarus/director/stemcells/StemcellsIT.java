package io.lazarus.director.stemcells;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.director.fixtures.ApiErrors;
import io.lazarus.director.fixtures.StemcellTarball;
import io.lazarus.director.fixtures.Tasks;
import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Stemcells through the API: upload (a task), list, re-upload with and without fix, in-use refusal, delete. */
class StemcellsIT {
  private static final String TARBALL = "application/x-compressed";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void uploadsListsAndDeletesAStemcell(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      LocalCpi cpi = (LocalCpi) director.services().cpi();
      Path tarball = StemcellTarball.of("bosh-local-ubuntu", "1.5").writeTo(dir.resolve("stemcell.tgz"));
      String query = "{\"stemcell\":{\"name\":\"bosh-local-ubuntu\",\"version\":\"1.5\"}}";
      assertThat(api.jsonObject(api.post("/stemcell_uploads", "application/json", query))).containsEntry("needed", true);

      Map<String, Object> task = Tasks.done(api, api.postFile("/stemcells", TARBALL, tarball));
      assertThat(task).containsEntry("description", "create stemcell").containsEntry("result", "/stemcells/bosh-local-ubuntu/1.5");
      assertThat(Tasks.eventLog(api, task))
          .contains("\"stage\":\"Update stemcell\"", "Extracting stemcell archive", "Verifying stemcell manifest", "Checking if this stemcell already exists", "Uploading stemcell bosh-local-ubuntu/1.5 to the cloud", "Save stemcell bosh-local-ubuntu/1.5 (sc-");

      List<Map<String, Object>> list = api.jsonArray(api.get("/stemcells"));
      assertThat(list).hasSize(1);
      Map<String, Object> stemcell = list.get(0);
      assertThat(stemcell).containsEntry("name", "bosh-local-ubuntu").containsEntry("version", "1.5").containsEntry("operating_system", "ubuntu-jammy")
          .containsEntry("cpi", "local").containsEntry("api_version", 3).containsEntry("deployments", List.of()).containsKey("id");
      String cid = (String) stemcell.get("cid");
      assertThat(cpi.hasStemcell(cid)).isTrue();
      assertThat(api.jsonObject(api.post("/stemcell_uploads", "application/json", query))).containsEntry("needed", false);

      Map<String, Object> again = Tasks.done(api, api.postFile("/stemcells", TARBALL, StemcellTarball.of("bosh-local-ubuntu", "1.5").writeTo(dir.resolve("again.tgz"))));
      assertThat(Tasks.eventLog(api, again)).contains("(already exists, skipped)");
      assertThat(api.jsonArray(api.get("/stemcells")).get(0)).containsEntry("cid", cid);

      Tasks.done(api, api.postFile("/stemcells?fix=true", TARBALL, StemcellTarball.of("bosh-local-ubuntu", "1.5").writeTo(dir.resolve("fix.tgz"))));
      String fixedCid = (String) api.jsonArray(api.get("/stemcells")).get(0).get("cid");
      assertThat(fixedCid).isNotEqualTo(cid);
      assertThat(cpi.hasStemcell(fixedCid)).isTrue();
      assertThat(cpi.hasStemcell(cid)).as("fix replaced the old image").isFalse();

      long id = ((Number) stemcell.get("id")).longValue();
      director.services().deployments().save("web", "name: web\n", List.of(), List.of(id), List.of());
      assertThat(api.jsonArray(api.get("/stemcells")).get(0)).containsEntry("deployments", List.of(Map.of("name", "web")));
      assertThat(Tasks.failed(api, api.delete("/stemcells/bosh-local-ubuntu/1.5"))).isEqualTo("Stemcell 'bosh-local-ubuntu/1.5' is still in use by: web");
      director.services().deployments().delete("web");

      Map<String, Object> deleted = Tasks.done(api, api.delete("/stemcells/bosh-local-ubuntu/1.5"));
      assertThat(deleted).containsEntry("description", "delete stemcell: bosh-local-ubuntu/1.5");
      assertThat(api.jsonArray(api.get("/stemcells"))).isEmpty();
      assertThat(cpi.hasStemcell(fixedCid)).isFalse();
      assertThat(Tasks.filesUnder(director.services().store().uploads())).isEmpty();
      List<Map<String, Object>> events = api.jsonArray(api.get("/events?object_type=stemcell"));
      assertThat(events).extracting(e -> e.get("action") + " " + e.get("object_name") + (e.containsKey("error") ? " failed" : ""))
          .containsExactly("delete bosh-local-ubuntu/1.5", "delete bosh-local-ubuntu/1.5 failed", "create bosh-local-ubuntu/1.5", "create bosh-local-ubuntu/1.5", "create bosh-local-ubuntu/1.5");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void refusesBadRequestsWithMessagesNamingTheField(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      ApiErrors.assertError(api.post("/stemcell_uploads", "application/json", "{}"), 400, 40001, "Missing 'stemcell' field");
      ApiErrors.assertError(api.post("/stemcell_uploads", "application/json", "{\"stemcell\":{\"name\":\"a\"}}"), 400, 40001, "Missing 'version' field");
      ApiErrors.assertError(api.post("/stemcell_uploads", "application/json", "{\"stemcell\":"), 400, 710001, "not valid JSON");
      ApiErrors.assertError(api.post("/stemcells", "application/json", "{\"location\":\"https://example.com/s.tgz\",\"sha1\":\"abc\"}"), 400, 40005, "remote stemcell URLs are not supported");
      ApiErrors.assertError(api.post("/stemcells", TARBALL, ""), 400, 40001, "request body is empty");
      ApiErrors.assertError(api.delete("/stemcells/none/1"), 404, 50003, "Stemcell 'none/1' doesn't exist");
      assertThat(director.reader().postFile("/stemcells", TARBALL, StemcellTarball.of("a", "1").writeTo(dir.resolve("a.tgz"))).statusCode()).isEqualTo(401);
      assertThat(Tasks.filesUnder(director.services().store().uploads())).isEmpty();
    }
  }
}
