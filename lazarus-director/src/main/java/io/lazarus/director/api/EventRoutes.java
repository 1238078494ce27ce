package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.events.Event;
import io.lazarus.director.events.EventFilter;
import io.lazarus.director.events.Events;
import io.lazarus.director.events.NewEvent;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /events} with BOSH's filters, newest first, at most 200; {@code GET /events/:id}; {@code POST /events}
 * (admin only, as every write), which the Health Monitor's {@code event_logger} sends for each alert.
 */
public final class EventRoutes implements Routes {
  private static final List<DateTimeFormatter> LOCAL_FORMATS =
      List.of(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"), DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss"));

  private final Events events;
  private final Clock clock;

  public EventRoutes(Events events, Clock clock) {
    this.events = events;
    this.clock = clock;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/events", this::list);
    routes.get("/events/{id}", this::one);
    routes.post("/events", this::create);
  }

  /** BOSH's body: {@code timestamp, action, object_type, object_name, deployment, instance, context, error}. */
  private void create(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    NewEvent event =
        NewEvent.of(Requests.username(ctx), Requests.requiredStringField(body, "action"), Requests.requiredStringField(body, "object_type"), Requests.stringField(body, "object_name"))
            .withDeployment(Requests.stringField(body, "deployment"))
            .withInstance(Requests.stringField(body, "instance"))
            .withError(Requests.stringField(body, "error"));
    Object context = body.get("context");
    if (context != null) {
      if (!(context instanceof Map<?, ?> values)) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'context' must be an object");
      }
      Map<String, Object> map = new LinkedHashMap<>();
      values.forEach((key, item) -> {
        if (item != null) {
          map.put(String.valueOf(key), item); // a null says nothing, and the stored context keeps no nulls
        }
      });
      event = event.withContext(map);
    }
    events.record(event, timestamp(body));
    ctx.status(200);
    ctx.json(Map.of());
  }

  private Instant timestamp(Map<String, Object> body) {
    Object value = body.get("timestamp");
    if (value == null) {
      return clock.instant();
    }
    if (!(value instanceof Number seconds) || seconds.doubleValue() <= 0) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'timestamp' must be a time in epoch seconds");
    }
    return Instant.ofEpochMilli((long) (seconds.doubleValue() * 1000));
  }

  private void list(Context ctx) {
    EventFilter filter =
        new EventFilter(
            Requests.longQuery(ctx, "before_id", null),
            time(ctx, "before_time"),
            time(ctx, "after_time"),
            param(ctx, "deployment"),
            param(ctx, "task"),
            param(ctx, "instance"),
            param(ctx, "user"),
            param(ctx, "action"),
            param(ctx, "object_type"),
            param(ctx, "object_name"));
    ctx.json(events.list(filter).stream().map(EventRoutes::json).toList());
  }

  private void one(Context ctx) {
    long id = Requests.pathLong(ctx, "id");
    Event event =
        events.list(new EventFilter(id + 1, null, null, null, null, null, null, null, null, null)).stream()
            .filter(e -> e.id() == id)
            .findFirst()
            .orElseThrow(() -> new DirectorException(ErrorCode.RESOURCE_NOT_FOUND, "Event " + id + " not found"));
    ctx.json(json(event));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value == null || value.isEmpty() ? null : value;
  }

  /** Epoch seconds, ISO-8601, or "YYYY-MM-DD HH:MM:SS[ UTC]" (UTC), as operators type them. */
  static Long time(Context ctx, String name) {
    String value = param(ctx, name);
    if (value == null) {
      return null;
    }
    String text = value.trim().replaceFirst("\\s*(UTC|Z)$", "");
    if (text.matches("\\d+")) {
      return Long.parseLong(text) * 1000;
    }
    try {
      return OffsetDateTime.parse(value.trim()).toInstant().toEpochMilli();
    } catch (DateTimeParseException ignored) {
      // not an offset date-time; try the local forms below
    }
    for (DateTimeFormatter format : LOCAL_FORMATS) {
      try {
        return LocalDateTime.parse(text, format).toInstant(ZoneOffset.UTC).toEpochMilli();
      } catch (DateTimeParseException ignored) {
        // next format
      }
    }
    throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "query parameter '" + name + "' is not a time: '" + value + "' (use epoch seconds or 'YYYY-MM-DD HH:MM:SS')");
  }

  private static Map<String, Object> json(Event event) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("id", Long.toString(event.id()));
    if (event.parentId() != null) {
      json.put("parent_id", Long.toString(event.parentId()));
    }
    json.put("timestamp", Instant.ofEpochMilli(event.createdAt()).getEpochSecond());
    put(json, "user", event.user());
    json.put("action", event.action());
    json.put("object_type", event.objectType());
    put(json, "object_name", event.objectName());
    put(json, "task", event.task());
    put(json, "deployment", event.deployment());
    put(json, "instance", event.instance());
    json.put("context", event.context());
    put(json, "error", event.error());
    return json;
  }

  private static void put(Map<String, Object> json, String key, String value) {
    if (value != null && !value.isEmpty()) {
      json.put(key, value);
    }
  }
}
