package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.rpc.MethodRegistry;
import java.util.Map;

/** ping and info: liveness and the agent's API version. */
public final class BasicMethods {
  private BasicMethods() {}

  public static void register(MethodRegistry registry) {
    registry.sync("ping", args -> "pong");
    registry.sync("info", args -> Map.of("api_version", 1));
  }
}
