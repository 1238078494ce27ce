package io.lazarus.director.configs;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.api.RubyTimes;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /configs} (list, show, create, diff, delete) with BOSH's shapes, and the legacy {@code /cloud_configs} and
 * {@code /cpi_configs} endpoints that bosh CLI v7 uses for {@code cloud-config}, {@code update-cloud-config},
 * {@code cpi-config} and {@code update-cpi-config}. Cloud-config is the config of type {@code cloud}, the cpi config
 * type {@code cpi}, resurrection configs type {@code resurrection}. Content the {@link ConfigCheck} refuses is never
 * stored.
 */
public final class ConfigRoutes implements Routes {

  private final Configs configs;
  private final Events events;
  private final ConfigCheck check;

  public ConfigRoutes(Configs configs, Events events, ConfigCheck check) {
    this.configs = configs;
    this.events = events;
    this.check = check;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/configs", this::list);
    routes.get("/configs/{id}", ctx -> ctx.json(json(findById(ctx.pathParam("id")))));
    routes.post("/configs", this::create);
    routes.post("/configs/diff", this::diff);
    routes.delete("/configs", this::deleteByTypeAndName);
    routes.delete("/configs/{id}", this::deleteById);
    routes.get("/cloud_configs", ctx -> listLegacy(ctx, "cloud"));
    routes.post("/cloud_configs", ctx -> updateLegacy(ctx, "cloud", "cloud-config"));
    routes.post("/cloud_configs/diff", ctx -> diffLegacy(ctx, "cloud"));
    routes.get("/cpi_configs", ctx -> listLegacy(ctx, "cpi"));
    routes.post("/cpi_configs", ctx -> updateLegacy(ctx, "cpi", "cpi-config"));
    routes.post("/cpi_configs/diff", ctx -> diffLegacy(ctx, "cpi"));
  }

  private void list(Context ctx) {
    String latestParam = ctx.queryParam("latest");
    if (latestParam != null && !latestParam.equals("true") && !latestParam.equals("false")) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'latest' must be 'true' or 'false'");
    }
    Long limit = Requests.longQuery(ctx, "limit", null);
    if (limit != null && limit < 1) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'limit' must be larger than zero");
    }
    boolean latest = limit == null ? !"false".equals(latestParam) : limit == 1;
    int max = limit == null ? Integer.MAX_VALUE : (int) Math.min(limit, Integer.MAX_VALUE);
    ctx.json(configs.list(empty(ctx.queryParam("type")), empty(ctx.queryParam("name")), latest, max).stream().map(this::json).toList());
  }

  private void create(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    String type = requiredString(body, "type");
    String name = requiredString(body, "name");
    String content = contentOf(body);
    check.check(type, name, content);
    Optional<Config> latest = configs.latest(type, name);
    String latestId = latest.map(c -> Long.toString(c.id())).orElse("0");
    Object expected = body.get("expected_latest_id");
    if (expected != null && !String.valueOf(expected).equals(latestId)) {
      ctx.status(412);
      ctx.json(Map.of("latest_id", latestId, "expected_latest_id", String.valueOf(expected), "description", "Latest Id: '" + latestId + "' does not match expected latest id"));
      return;
    }
    Config config = latest.filter(c -> c.content().equals(content)).orElseGet(() -> store(ctx, type, name, content));
    ctx.status(201);
    ctx.json(json(config));
  }

  private Config store(Context ctx, String type, String name, String content) {
    Config created = configs.create(type, name, content);
    events.record(NewEvent.of(Requests.username(ctx), "create", "config/" + type, name));
    return created;
  }

  private void diff(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    if (body.containsKey("from") || body.containsKey("to")) {
      String from = side(body.get("from"), "from");
      String to = side(body.get("to"), "to");
      ctx.json(Map.of("diff", lines(from, to)));
      return;
    }
    String type = requiredString(body, "type");
    String name = requiredString(body, "name");
    String content = contentOf(body);
    check.check(type, name, content);
    Optional<Config> latest = configs.latest(type, name);
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("from", Map.of("id", latest.map(c -> Long.toString(c.id())).orElse("0")));
    json.put("diff", lines(latest.map(Config::content).orElse(""), content));
    ctx.json(json);
  }

  private String side(Object value, String field) {
    if (!(value instanceof Map<?, ?> map)) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'" + field + "' must be {\"id\":\"<id>\"} or {\"content\":\"<content>\"}");
    }
    Object id = map.get("id");
    if (id instanceof String s && !s.isEmpty()) {
      return findById(s).content();
    }
    Object content = map.get("content");
    if (content instanceof String s) {
      validateHash(s, field + ".content");
      return s;
    }
    throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'" + field + "' must be {\"id\":\"<id>\"} or {\"content\":\"<content>\"}");
  }

  private void deleteByTypeAndName(Context ctx) {
    String type = empty(ctx.queryParam("type"));
    String name = empty(ctx.queryParam("name"));
    if (type == null) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'type' is required");
    }
    if (name == null) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'name' is required");
    }
    if (configs.delete(type, name) == 0) {
      throw new DirectorException(ErrorCode.CONFIG_NOT_FOUND, "No config of type '" + type + "' and name '" + name + "'");
    }
    events.record(NewEvent.of(Requests.username(ctx), "delete", "config/" + type, name));
    ctx.status(204);
  }

  private void deleteById(Context ctx) {
    Config config = findById(ctx.pathParam("id"));
    configs.delete(config.id());
    events.record(NewEvent.of(Requests.username(ctx), "delete", "config/" + config.type(), config.name()).withContext(Map.of("id", Long.toString(config.id()))));
    ctx.status(204);
  }

  /** GET /cloud_configs, /cpi_configs: the newest versions of the type's config (default name "default"). */
  private void listLegacy(Context ctx, String type) {
    String limitParam = ctx.queryParam("limit");
    if (limitParam == null || limitParam.isEmpty()) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "limit is required");
    }
    long limit = Requests.longQuery(ctx, "limit", 1L);
    String name = Optional.ofNullable(empty(ctx.queryParam("name"))).orElse("default");
    List<Map<String, Object>> json =
        configs.list(type, name, false, (int) Math.max(1, Math.min(limit, Integer.MAX_VALUE))).stream()
            .map(c -> Map.<String, Object>of("properties", c.content(), "created_at", RubyTimes.format(Instant.ofEpochMilli(c.createdAt()))))
            .toList();
    ctx.json(json);
  }

  /** POST /cloud_configs, /cpi_configs (text/yaml): a new version when the content changed. */
  private void updateLegacy(Context ctx, String type, String eventObjectType) {
    String content = ctx.body();
    validateManifest(content, eventObjectType);
    String name = Optional.ofNullable(empty(ctx.queryParam("name"))).orElse("default");
    check.check(type, name, content);
    Optional<Config> latest = configs.latest(type, name);
    if (latest.isEmpty() || !latest.get().content().equals(content)) {
      configs.create(type, name, content);
      events.record(NewEvent.of(Requests.username(ctx), "update", eventObjectType, name));
    }
    ctx.status(201);
    ctx.contentType("text/plain");
    ctx.result("");
  }

  private void diffLegacy(Context ctx, String type) {
    String content = ctx.body();
    validateManifest(content, type + "-config");
    String name = Optional.ofNullable(empty(ctx.queryParam("name"))).orElse("default");
    check.check(type, name, content);
    ctx.json(Map.of("diff", lines(configs.latest(type, name).map(Config::content).orElse(""), content)));
  }

  private Config findById(String idText) {
    long id;
    try {
      id = Long.parseLong(idText);
    } catch (NumberFormatException e) {
      throw new DirectorException(ErrorCode.CONFIG_NOT_FOUND, "Config " + idText + " not found");
    }
    return configs.find(id).orElseThrow(() -> new DirectorException(ErrorCode.CONFIG_NOT_FOUND, "Config " + id + " not found"));
  }

  private Map<String, Object> json(Config config) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("content", config.content());
    json.put("id", Long.toString(config.id()));
    json.put("type", config.type());
    json.put("name", config.name());
    json.put("team", config.team());
    json.put("created_at", RubyTimes.format(Instant.ofEpochMilli(config.createdAt())));
    json.put("current", configs.isCurrent(config));
    return json;
  }

  private static List<List<String>> lines(String from, String to) {
    return LineDiff.diff(from, to).stream().map(LineDiff.Line::toJson).toList();
  }

  private static String requiredString(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value == null) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'" + field + "' is required");
    }
    if (!(value instanceof String s)) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'" + field + "' must be a string");
    }
    if (s.isBlank()) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, "'" + field + "' must not be empty");
    }
    return s;
  }

  private static String contentOf(Map<String, Object> body) {
    Object value = body.get("content");
    if (!(value instanceof String content)) {
      throw new DirectorException(ErrorCode.BAD_CONFIG_REQUEST, value == null ? "'content' is required" : "'content' must be a string");
    }
    validateHash(content, "content");
    return content;
  }

  /** Config content must be a YAML mapping; a YAML error names the line inside the content. */
  private static void validateHash(String content, String source) {
    try {
      Object root = YamlDocument.parse(source, content).root();
      if (!(root instanceof Map<?, ?>)) {
        throw new DirectorException(ErrorCode.BAD_CONFIG, "YAML hash expected in " + source);
      }
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.BAD_CONFIG, "Config must be valid YAML: " + e.getMessage());
    }
  }

  private static void validateManifest(String content, String source) {
    if (content.isBlank()) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Manifest should not be empty");
    }
    try {
      Object root = YamlDocument.parse(source, content).root();
      if (!(root instanceof Map<?, ?>)) {
        throw new DirectorException(ErrorCode.BAD_MANIFEST, "Incorrect YAML structure of the uploaded manifest: a YAML hash is expected");
      }
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Incorrect YAML structure of the uploaded manifest: " + e.getMessage());
    }
  }

  private static String empty(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
