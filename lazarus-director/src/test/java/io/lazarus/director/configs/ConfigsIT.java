package io.lazarus.director.configs;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.testing.ApiClient;
import io.lazarus.director.testing.TestDirector;
import io.lazarus.testing.DatabaseKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@code bosh update-config / configs / config / delete-config} against the configs API, as the CLI drives it. */
@SuppressWarnings("unchecked")
class ConfigsIT {
  @TempDir Path dir;

  private static String body(String type, String name, String content, String expectedLatestId) {
    String escaped = content.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"content\":\"" + escaped + "\""
        + (expectedLatestId == null ? "" : ",\"expected_latest_id\":\"" + expectedLatestId + "\"") + "}";
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void updateConfigFlowStoresVersionsAndListsTheLatest(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      String rules = "rules:\n- enabled: false\n  include:\n    instance_groups: [db]\n";
      Map<String, Object> diff = api.jsonObject(api.post("/configs/diff", "application/json", body("resurrection", "no-db", rules, null)));
      assertThat(diff.get("from")).isEqualTo(Map.of("id", "0"));
      assertThat((List<Object>) diff.get("diff")).contains(List.of("rules:", "added"));

      HttpResponse<String> created = api.post("/configs", "application/json", body("resurrection", "no-db", rules, "0"));
      assertThat(created.statusCode()).isEqualTo(201);
      Map<String, Object> config = api.jsonObject(created);
      assertThat(config).containsEntry("type", "resurrection").containsEntry("name", "no-db").containsEntry("content", rules).containsEntry("current", true);
      assertThat((String) config.get("created_at")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d UTC");
      String firstId = (String) config.get("id");

      HttpResponse<String> same = api.post("/configs", "application/json", body("resurrection", "no-db", rules, firstId));
      assertThat(same.statusCode()).isEqualTo(201);
      assertThat(api.jsonObject(same)).containsEntry("id", firstId);

      HttpResponse<String> stale = api.post("/configs", "application/json", body("resurrection", "no-db", "rules: []\n", "0"));
      assertThat(stale.statusCode()).isEqualTo(412);
      assertThat(api.jsonObject(stale)).containsEntry("latest_id", firstId).containsEntry("expected_latest_id", "0");

      String secondId = (String) api.jsonObject(api.post("/configs", "application/json", body("resurrection", "no-db", "rules: []\n", firstId))).get("id");
      api.post("/configs", "application/json", body("resurrection", "default", "rules: []\n", null));
      api.post("/configs", "application/json", body("cloud", "default", "azs: []\n", null));

      List<Map<String, Object>> latest = api.jsonArray(api.get("/configs?latest=true&limit=1"));
      assertThat(latest).extracting(c -> c.get("type") + "/" + c.get("name")).containsExactly("cloud/default", "resurrection/default", "resurrection/no-db");
      assertThat(latest.get(2)).containsEntry("id", secondId);
      List<Map<String, Object>> history = api.jsonArray(api.get("/configs?latest=false&limit=10&name=no-db&type=resurrection"));
      assertThat(history).extracting(c -> c.get("id")).containsExactly(secondId, firstId);
      assertThat(history).extracting(c -> c.get("current")).containsExactly(true, false);

      assertThat(api.jsonObject(api.get("/configs/" + firstId))).containsEntry("content", rules).containsEntry("current", false);
      Map<String, Object> idDiff = api.jsonObject(api.post("/configs/diff", "application/json", "{\"from\":{\"id\":\"" + firstId + "\"},\"to\":{\"id\":\"" + secondId + "\"}}"));
      assertThat((List<Object>) idDiff.get("diff")).contains(List.of("rules: []", "added"), List.of("rules:", "removed"));

      assertThat(api.delete("/configs?type=resurrection&name=no-db").statusCode()).isEqualTo(204);
      assertThat(api.delete("/configs?type=resurrection&name=no-db").statusCode()).isEqualTo(404);
      assertThat(api.get("/configs/" + secondId).statusCode()).isEqualTo(404);
      assertThat(api.jsonObject(api.get("/configs/" + secondId))).containsEntry("code", 440012);
      assertThat(api.jsonArray(api.get("/events?object_type=config%2Fresurrection"))).extracting(e -> e.get("action")).containsExactly("delete", "create", "create", "create");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void badConfigsAreRefusedWithTheReasonAndNothingIsStored(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      HttpResponse<String> notYaml = api.post("/configs", "application/json", body("cloud", "default", "azs: [\n  - z1\nnetworks: {", null));
      assertThat(notYaml.statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(notYaml)).containsEntry("code", 440011);
      assertThat((String) api.jsonObject(notYaml).get("description")).startsWith("Config must be valid YAML: content: line ");
      HttpResponse<String> notHash = api.post("/configs", "application/json", body("cloud", "default", "- a\n- b\n", null));
      assertThat(api.jsonObject(notHash)).containsEntry("description", "YAML hash expected in content");
      HttpResponse<String> noType = api.post("/configs", "application/json", "{\"name\":\"x\",\"content\":\"a: 1\"}");
      assertThat(api.jsonObject(noType)).containsEntry("code", 440010).containsEntry("description", "'type' is required");
      HttpResponse<String> wrongType = api.post("/configs", "application/json", "{\"type\":1,\"name\":\"x\",\"content\":\"a: 1\"}");
      assertThat(api.jsonObject(wrongType)).containsEntry("description", "'type' must be a string");
      HttpResponse<String> notJson = api.post("/configs", "application/json", "{\"type\":");
      assertThat(notJson.statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(notJson)).containsEntry("code", 710001);
      assertThat(api.get("/configs?latest=maybe").statusCode()).isEqualTo(400);
      assertThat(api.get("/configs?latest=true").body()).isEqualTo("[]");
    }
  }

  @ParameterizedTest
  @EnumSource(DatabaseKind.class)
  void cloudConfigThroughTheLegacyEndpointsTheBoshCliUses(DatabaseKind kind) throws Exception {
    try (TestDirector director = TestDirector.start(kind, dir)) {
      ApiClient api = director.admin();
      assertThat(api.get("/cloud_configs?limit=1&name=").body()).isEqualTo("[]");
      String cloud = "azs:\n- name: z1\nnetworks: []\n";
      Map<String, Object> diff = api.jsonObject(api.post("/cloud_configs/diff?name=", "text/yaml", cloud));
      assertThat((List<?>) diff.get("diff")).hasSize(3);
      HttpResponse<String> update = api.post("/cloud_configs?name=", "text/yaml", cloud);
      assertThat(update.statusCode()).isEqualTo(201);
      assertThat(api.jsonArray(api.get("/cloud_configs?limit=1&name="))).singleElement().satisfies(c -> assertThat(c).containsEntry("properties", cloud));
      assertThat(api.jsonArray(api.get("/configs?latest=true&limit=1&type=cloud"))).singleElement().satisfies(c -> assertThat(c).containsEntry("name", "default"));
      assertThat(api.jsonObject(api.post("/cloud_configs/diff?name=", "text/yaml", cloud))).containsEntry("diff", List.of());
      HttpResponse<String> broken = api.post("/cloud_configs?name=", "text/yaml", "azs: [");
      assertThat(broken.statusCode()).isEqualTo(400);
      assertThat(api.jsonObject(broken)).containsEntry("code", 440001);
      assertThat(api.get("/cloud_configs").statusCode()).isEqualTo(400);
    }
  }
}
