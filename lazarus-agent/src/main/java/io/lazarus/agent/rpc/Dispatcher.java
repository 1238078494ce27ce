package io.lazarus.agent.rpc;

import io.lazarus.agent.json.JsonTrees;
import io.lazarus.agent.rpc.MethodRegistry.Mode;
import io.lazarus.agent.rpc.MethodRegistry.Registration;
import io.lazarus.agent.json.JsonCodec;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns one request envelope ({@code {"protocol":3,"method","arguments","reply_to"}}) into one reply
 * ({@code {"value":...}} or {@code {"exception":{"message":...}}}), whatever the transport. Sync methods run on
 * the caller's thread; async ones become {@link AgentTasks}. Thread-safe.
 */
public final class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);

  private final MethodRegistry registry;
  private final AgentTasks tasks;

  public Dispatcher(MethodRegistry registry, AgentTasks tasks) {
    this.registry = registry;
    this.tasks = tasks;
  }

  /** Handles a raw request body and returns the raw reply body. Never throws. */
  public String handle(String body) {
    Request request;
    try {
      request = Request.parse(body);
    } catch (RpcException e) {
      log.warn("refused a request: {}", e.getMessage());
      return exception(e.getMessage());
    }
    Registration registration = registry.find(request.method()).orElse(null);
    if (registration == null) {
      log.warn("unknown method '{}'", request.method());
      return exception("unknown message " + request.method());
    }
    Arguments arguments = new Arguments(request.method(), request.arguments());
    if (registration.mode() == Mode.ASYNC) {
      String id = tasks.start(request.method(), registration.method(), arguments);
      log.info("{} started as task {}", request.method(), id);
      return value(Map.of("agent_task_id", id, "state", "running"));
    }
    try {
      return value(registration.method().call(arguments));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return exception(request.method() + ": interrupted");
    } catch (RpcException e) {
      log.warn("{} failed: {}", request.method(), e.getMessage());
      return exception(e.getMessage());
    } catch (Exception | LinkageError e) {
      log.warn("{} failed", request.method(), e);
      return exception(AgentTasks.messageOf(e));
    }
  }

  /** A parsed, checked envelope. */
  record Request(String method, ArrayNode arguments) {
    static Request parse(String body) {
      JsonNode root;
      try {
        root = JsonCodec.read(body);
      } catch (JacksonException e) {
        throw new RpcException("malformed message: not valid JSON (" + e.getOriginalMessage() + ")");
      }
      if (root == null || !root.isObject()) {
        throw new RpcException("malformed message: expected a JSON object with 'method' and 'arguments'");
      }
      JsonNode protocol = root.path("protocol");
      if (!protocol.isMissingNode() && !protocol.isNull() && !protocol.isIntegralNumber()) {
        throw new RpcException("malformed message: 'protocol' must be an integer");
      }
      JsonNode method = root.path("method");
      if (!method.isString() || method.stringValue().isBlank()) {
        throw new RpcException("malformed message: 'method' is missing or not a string");
      }
      JsonNode arguments = root.path("arguments");
      if (arguments.isMissingNode() || arguments.isNull()) {
        return new Request(method.stringValue(), JsonCodec.array());
      }
      if (!arguments.isArray()) {
        throw new RpcException("malformed message: 'arguments' of " + method.stringValue() + " must be a list");
      }
      return new Request(method.stringValue(), (ArrayNode) arguments);
    }
  }

  static String value(Object value) {
    ObjectNode reply = JsonCodec.object();
    reply.set("value", JsonTrees.of(value));
    return JsonCodec.write(reply);
  }

  static String exception(String message) {
    ObjectNode reply = JsonCodec.object();
    reply.putObject("exception").put("message", message);
    return JsonCodec.write(reply);
  }
}
