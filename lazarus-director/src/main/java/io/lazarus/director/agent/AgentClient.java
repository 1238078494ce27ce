package io.lazarus.director.agent;

import io.lazarus.core.time.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The Director's side of the agent protocol for one agent: synchronous calls, asynchronous calls polled with
 * {@code get_task} every second (BOSH's {@code wait_for_task}), and waiting for a new agent to answer. Thread-safe.
 */
public final class AgentClient {
  /** BOSH's default RPC timeout. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(45);

  private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);
  /** Most agent tasks end within milliseconds: the first poll comes sooner, then the wait doubles up to a second. */
  private static final Duration FIRST_POLL = Duration.ofMillis(100);
  private static final Duration PING_TIMEOUT = Duration.ofSeconds(1);
  private static final int GET_TASK_RETRIES = 4;

  private final AgentTransport transport;
  private final AgentEndpoint endpoint;
  private final String replyTo;
  private final Sleeper sleeper;
  private final Clock clock;

  public AgentClient(AgentTransport transport, AgentEndpoint endpoint, String replyTo, Sleeper sleeper, Clock clock) {
    this.transport = transport;
    this.endpoint = endpoint;
    this.replyTo = replyTo;
    this.sleeper = sleeper;
    this.clock = clock;
  }

  public AgentEndpoint endpoint() {
    return endpoint;
  }

  /** A synchronous call: returns the reply's {@code value}. */
  public JsonNode call(String method, List<?> arguments, Duration timeout) throws AgentException, InterruptedException {
    JsonNode reply = transport.send(endpoint, new AgentRequest(method, arguments, replyTo), timeout);
    JsonNode exception = reply.get("exception");
    if (exception != null && !exception.isNull()) {
      JsonNode message = exception.get("message");
      throw new AgentRemoteException("Agent " + endpoint.agentId() + " failed '" + method + "': " + (message != null ? message.asString() : exception.toString()));
    }
    if (!reply.has("value")) {
      throw new AgentUnreachableException(endpoint + " answered '" + method + "' without 'value' or 'exception': " + reply, null);
    }
    return reply.get("value");
  }

  /**
   * An asynchronous call: starts the agent task, then polls {@code get_task} until it ends (after 100 ms, doubling to
   * once a second, where BOSH always waits a second), and returns its result. A {@code get_task} that times out is retried up to four times, as BOSH does. When {@code
   * cancellation} reports a cancel, the agent task is cancelled and {@link InterruptedException} thrown.
   */
  public JsonNode run(String method, List<?> arguments, Cancellation cancellation) throws AgentException, InterruptedException {
    return run(method, arguments, DEFAULT_TIMEOUT, cancellation);
  }

  /** As {@link #run(String, List, Cancellation)}, with {@code timeout} for each call (a scan's short probes). */
  public JsonNode run(String method, List<?> arguments, Duration timeout, Cancellation cancellation) throws AgentException, InterruptedException {
    JsonNode value = call(method, arguments, timeout);
    Duration wait = FIRST_POLL;
    while (isRunningTask(value)) {
      String taskId = value.get("agent_task_id").asString();
      sleeper.sleep(wait);
      wait = wait.multipliedBy(2).compareTo(POLL_INTERVAL) > 0 ? POLL_INTERVAL : wait.multipliedBy(2);
      if (cancellation.cancelled()) {
        call("cancel_task", List.of(taskId), DEFAULT_TIMEOUT);
        throw new InterruptedException("cancelled while agent " + endpoint.agentId() + " ran '" + method + "'");
      }
      value = getTask(taskId, timeout);
    }
    return value;
  }

  private JsonNode getTask(String taskId, Duration timeout) throws AgentException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return call("get_task", List.of(taskId), timeout);
      } catch (AgentUnreachableException e) {
        if (attempt > GET_TASK_RETRIES) {
          throw e;
        }
      }
    }
  }

  private static boolean isRunningTask(JsonNode value) {
    return value != null && value.isObject() && value.has("agent_task_id") && "running".equals(value.path("state").asString(""));
  }

  /** Whether the agent answers {@code ping} within {@code timeout}. */
  public boolean ping(Duration timeout) throws InterruptedException {
    try {
      return "pong".equals(call("ping", List.of(), timeout).asString(""));
    } catch (AgentException e) {
      return false;
    }
  }

  /** Pings every second (1 s timeout each) until the agent answers; BOSH's {@code wait_until_ready}. */
  public void waitUntilReady(Duration limit, Cancellation cancellation) throws AgentUnreachableException, InterruptedException {
    Instant deadline = clock.instant().plus(limit);
    while (!ping(PING_TIMEOUT)) {
      if (cancellation.cancelled()) {
        throw new InterruptedException("cancelled while waiting for agent " + endpoint.agentId());
      }
      if (!clock.instant().isBefore(deadline)) {
        throw new AgentUnreachableException("Timed out pinging " + endpoint + " after " + limit.toSeconds() + " seconds", null);
      }
      sleeper.sleep(POLL_INTERVAL);
    }
  }

  /** Asked between polls; true ends the wait. */
  @FunctionalInterface
  public interface Cancellation {
    boolean cancelled();

    Cancellation NEVER = () -> false;
  }
}
