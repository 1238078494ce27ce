package io.lazarus.agent.transport;

/** Answers one request body with one reply body (both JSON text). Implementations never throw. */
@FunctionalInterface
public interface RequestHandler {
  String handle(String requestBody);
}
