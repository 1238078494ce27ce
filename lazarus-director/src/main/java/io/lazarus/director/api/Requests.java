package io.lazarus.director.api;

import io.javalin.http.Context;
import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.auth.Principal;
import io.lazarus.director.tasks.Task;
import java.util.Map;
import tools.jackson.core.type.TypeReference;

/** Small helpers shared by the API's handlers: who is asking, typed parameters, JSON bodies, task redirects. */
public final class Requests {
  private Requests() {}

  /** The authenticated principal; every route but {@code /info} has one. */
  public static Principal principal(Context ctx) {
    Principal principal = ctx.attribute(ApiServer.PRINCIPAL);
    if (principal == null) {
      throw new NotAuthenticatedException(ctx.path());
    }
    return principal;
  }

  public static String username(Context ctx) {
    return principal(ctx).name();
  }

  /** A JSON object body, failing with 400 and a message when it is missing or not an object. */
  public static Map<String, Object> jsonObject(Context ctx) {
    String body = ctx.body();
    if (body.isBlank()) {
      throw new DirectorException(ErrorCode.INVALID_JSON, "request body is empty; expected a JSON object");
    }
    Object parsed = Json.mapper().readValue(body, new TypeReference<Object>() {});
    if (!(parsed instanceof Map<?, ?> map)) {
      throw new DirectorException(ErrorCode.INVALID_JSON, "request body must be a JSON object");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /** A string field of a JSON body, or null when absent; a non-string value is a 400 naming the field. */
  public static String stringField(Map<String, Object> body, String field) {
    Object value = body.get(field);
    if (value == null) {
      return null;
    }
    if (!(value instanceof String s)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field '" + field + "' must be a string");
    }
    return s;
  }

  public static String requiredStringField(Map<String, Object> body, String field) {
    String value = stringField(body, field);
    if (value == null || value.isBlank()) {
      throw new DirectorException(ErrorCode.VALIDATION_MISSING_FIELD, "field '" + field + "' is required");
    }
    return value;
  }

  /** A whole-number query parameter, or {@code fallback} when absent; garbage is a 400 naming the parameter. */
  public static Long longQuery(Context ctx, String name, Long fallback) {
    String value = ctx.queryParam(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "query parameter '" + name + "' must be a whole number, got '" + value + "'");
    }
  }

  public static long pathLong(Context ctx, String name) {
    String value = ctx.pathParam(name);
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, name + " must be a whole number, got '" + value + "'");
    }
  }

  public static boolean flag(Context ctx, String name) {
    String value = ctx.queryParam(name);
    return value != null && (value.equalsIgnoreCase("true") || value.equals("1"));
  }

  /** BOSH's answer to every task-creating call: 302 to the task, with a relative Location. */
  public static void redirectToTask(Context ctx, Task task) {
    ctx.status(302);
    ctx.header("Location", "/tasks/" + task.id());
    ctx.contentType("text/plain");
    ctx.result("");
  }

  /** The optional {@code X-Bosh-Context-Id} header, at most 64 characters as BOSH allows. */
  public static String contextId(Context ctx) {
    String value = ctx.header("X-Bosh-Context-Id");
    if (value == null) {
      return "";
    }
    if (value.length() > 64) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "X-Bosh-Context-Id must be at most 64 characters");
    }
    return value;
  }
}
