package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.tasks.OutputType;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskFilter;
import io.lazarus.director.tasks.TaskOutputs;
import io.lazarus.director.tasks.TaskRepository;
import io.lazarus.director.tasks.TaskState;
import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code /tasks}, {@code /tasks/:id}, {@code /tasks/:id/output}, {@code DELETE /task/:id}, {@code POST /tasks/cancel}. */
public final class TaskRoutes implements Routes {
  private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-(\\d*)");
  private static final int DEFAULT_LIMIT = 100_000;

  private final TaskRepository tasks;
  private final TaskOutputs outputs;

  public TaskRoutes(TaskRepository tasks, TaskOutputs outputs) {
    this.tasks = tasks;
    this.outputs = outputs;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/tasks", this::list);
    routes.get("/tasks/{id}", ctx -> ctx.json(TaskJson.of(find(ctx))));
    routes.get("/tasks/{id}/output", this::output);
    routes.delete("/task/{id}", this::cancel);
    routes.post("/tasks/cancel", this::cancelMany);
  }

  private Task find(Context ctx) {
    long id = Requests.pathLong(ctx, "id");
    return tasks.find(id).orElseThrow(() -> new DirectorException(ErrorCode.TASK_NOT_FOUND, "Task " + id + " not found"));
  }

  private void list(Context ctx) {
    Set<TaskState> states = EnumSet.noneOf(TaskState.class);
    String stateParam = ctx.queryParam("state");
    if (stateParam != null && !stateParam.isBlank()) {
      for (String state : stateParam.split(",")) {
        try {
          states.add(TaskState.fromWire(state));
        } catch (IllegalArgumentException e) {
          throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "unknown task state '" + state.trim() + "'");
        }
      }
    }
    long verbose = Requests.longQuery(ctx, "verbose", 1L);
    Set<String> types = verbose >= 2 ? Set.of() : TaskFilter.VERBOSE_1_TYPES;
    long limit = Math.max(1, Requests.longQuery(ctx, "limit", (long) DEFAULT_LIMIT));
    String deployment = emptyToNull(ctx.queryParam("deployment"));
    String contextId = emptyToNull(ctx.queryParam("context_id"));
    List<Map<String, Object>> json =
        tasks.list(new TaskFilter(states, types, deployment, contextId, (int) Math.min(limit, DEFAULT_LIMIT))).stream().map(TaskJson::of).toList();
    ctx.json(json);
  }

  private void output(Context ctx) throws IOException {
    Task task = find(ctx);
    String typeParam = ctx.queryParam("type");
    OutputType type =
        OutputType.fromWire(typeParam == null ? "debug" : typeParam)
            .orElseThrow(() -> new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "unknown output type '" + typeParam + "' (event, result, debug, cpi)"));
    if (type.adminOnly() && !Requests.principal(ctx).admin()) {
      throw new DirectorException(ErrorCode.UNAUTHORIZED, "Require one of the scopes: bosh.admin");
    }
    long size = outputs.size(task.id(), type);
    ctx.contentType("text/plain");
    if (size == 0) {
      ctx.status(204);
      return;
    }
    String range = ctx.header("Range");
    long from = 0;
    long to = size - 1;
    if (range != null) {
      Matcher m = RANGE.matcher(range.trim());
      if (!m.matches()) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "unsupported Range '" + range + "'; expected bytes=<offset>-");
      }
      from = Long.parseLong(m.group(1));
      if (!m.group(2).isEmpty()) {
        to = Math.min(to, Long.parseLong(m.group(2)));
      }
      if (from >= size || from > to) {
        ctx.status(416);
        ctx.header("Content-Range", "bytes */" + size);
        return;
      }
      ctx.status(206);
      ctx.header("Content-Range", "bytes " + from + "-" + to + "/" + size);
    }
    ctx.disableCompression(); // Content-Length counts the stored bytes: no gzip (the Go client asks for it)
    ctx.header("Content-Length", Long.toString(to - from + 1));
    ctx.result(new BoundedInputStream(outputs.open(task.id(), type, from), to - from + 1));
  }

  private void cancel(Context ctx) {
    Task task = find(ctx);
    if (!tasks.requestCancel(task.id())) {
      throw new DirectorException(ErrorCode.TASK_UNEXPECTED_STATE, "Cannot cancel task " + task.id() + ": invalid state (" + task.state().wire() + ")");
    }
    ctx.status(204);
  }

  private void cancelMany(Context ctx) {
    Map<String, Object> body = Requests.jsonObject(ctx);
    Set<TaskState> states = EnumSet.noneOf(TaskState.class);
    Object stateList = body.getOrDefault("states", List.of("queued"));
    if (!(stateList instanceof List<?> list)) {
      throw new DirectorException(ErrorCode.VALIDATION_INVALID_TYPE, "field 'states' must be a list");
    }
    for (Object state : list) {
      TaskState parsed = TaskState.fromWire(String.valueOf(state));
      if (parsed != TaskState.QUEUED && parsed != TaskState.PROCESSING) {
        throw new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, "only queued and processing tasks can be cancelled, not '" + state + "'");
      }
      states.add(parsed);
    }
    Set<String> types = Set.of();
    if (body.get("types") instanceof List<?> typeList) {
      types = Set.copyOf(typeList.stream().map(String::valueOf).toList());
    }
    String deployment = Requests.stringField(body, "deployment");
    for (Task task : tasks.list(new TaskFilter(states, types, deployment, null, DEFAULT_LIMIT))) {
      tasks.requestCancel(task.id());
    }
    ctx.status(204);
  }

  private static String emptyToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }
}
