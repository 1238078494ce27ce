package io.lazarus.director.ops;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentRemoteException;
import io.lazarus.director.agent.AgentUnreachableException;
import io.lazarus.director.api.Requests;
import io.lazarus.director.api.Routes;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Lazarus's extension for {@code lazarus logs --follow}, which BOSH does with ssh and {@code tail -F}: {@code POST
 * /deployments/D/instance_groups/G/ID/logs/tail} with {@code {log_type, filters, positions, lines, max_bytes}} asks the
 * instance's agent for what its logs gained since {@code positions} ({@code tail_logs}) and answers at once with
 * {@code {instance, files, more}}; no task, a short timeout. Admins only (a POST), as the logs may hold anything.
 */
public final class LogTailRoutes implements Routes {
  /** Reading a few files is quick; an agent that takes longer is as good as gone for a follower polling each second. */
  static final Duration AGENT_TIMEOUT = Duration.ofSeconds(10);
  private static final int MAX_LINES = 10_000;

  private final Deployments deployments;
  private final Instances instances;
  private final Vms vms;
  private final Function<Vm, AgentClient> agents;

  public LogTailRoutes(Deployments deployments, Instances instances, Vms vms, Function<Vm, AgentClient> agents) {
    this.deployments = deployments;
    this.instances = instances;
    this.vms = vms;
    this.agents = agents;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/deployments/{name}/instance_groups/{group}/{id}/logs/tail", this::tail);
  }

  private void tail(Context ctx) throws Exception {
    String name = ctx.pathParam("name");
    Deployment deployment = deployments.find(name).orElseThrow(() -> DeploymentRoutes.notFound(name));
    String group = ctx.pathParam("group");
    String id = ctx.pathParam("id");
    Instance instance = instances.find(deployment.id(), group, id).orElseThrow(() -> LogRoutes.instanceNotFound(name, group, id));
    Map<String, Object> request = request(Requests.jsonObject(ctx));
    Vm vm = vms.activeFor(instance.id())
        .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "'" + instance.name() + " (" + instance.index() + ")' doesn't reference a VM"));
    JsonNode answer;
    try {
      answer = agents.apply(vm).call("tail_logs", List.of(request), AGENT_TIMEOUT);
    } catch (AgentRemoteException e) {
      throw new DirectorException(ErrorCode.RPC_REMOTE_EXCEPTION, e.getMessage());
    } catch (AgentUnreachableException e) {
      throw new DirectorException(ErrorCode.RPC_TIMEOUT, "agent of '" + instance.name() + "' did not answer tail_logs: " + e.getMessage());
    }
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("instance", instance.name());
    result.put("files", answer.path("files"));
    result.put("more", answer.path("more").asBoolean(false));
    ctx.json(result);
  }

  /** The agent's request from the body, each field checked so that bad input is a 400 here, not a failed agent call. */
  private static Map<String, Object> request(Map<String, Object> body) {
    Map<String, Object> request = new LinkedHashMap<>();
    String type = Requests.stringField(body, "log_type");
    if (type != null && !type.equals("job") && !type.equals("agent")) {
      throw invalid("field 'log_type' must be 'job' or 'agent', got '" + type + "'");
    }
    request.put("log_type", type == null ? "job" : type);
    Object filters = body.getOrDefault("filters", List.of());
    if (!(filters instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
      throw invalid("field 'filters' must be a list of glob patterns");
    }
    request.put("filters", filters);
    request.put("lines", count(body, "lines", 10, MAX_LINES));
    request.put("max_bytes", count(body, "max_bytes", 64 * 1024, Integer.MAX_VALUE));
    Object positions = body.get("positions");
    if (positions != null) {
      if (!(positions instanceof Map<?, ?> map)) {
        throw invalid("field 'positions' must map file paths to {offset, file_id}");
      }
      map.forEach((path, position) -> {
        if (!(position instanceof Map<?, ?> p) || !(p.get("offset") instanceof Number offset) || offset.longValue() < 0 || !(p.get("file_id") instanceof String)) {
          throw invalid("field 'positions' entry '" + path + "' must be {offset: a whole number of at least 0, file_id: a string}");
        }
      });
      request.put("positions", positions);
    }
    return request;
  }

  private static int count(Map<String, Object> body, String field, int fallback, int max) {
    Object value = body.get(field);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Integer number) || number < 0 || number > max) {
      throw invalid("field '" + field + "' must be a whole number from 0 to " + max);
    }
    return number;
  }

  private static DirectorException invalid(String message) {
    return new DirectorException(ErrorCode.VALIDATION_INVALID_VALUE, message);
  }
}
