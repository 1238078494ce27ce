package io.lazarus.agent.rpc;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Method names to handlers and whether BOSH runs them as agent tasks. Thread-safe. */
public final class MethodRegistry {
  /** BOSH's two modes (reference/bosh-behaviour.md §6.3). */
  public enum Mode {
    SYNC,
    ASYNC
  }

  /** A registered method. */
  public record Registration(String name, Mode mode, RpcMethod method) {}

  private final Map<String, Registration> methods = new ConcurrentHashMap<>();

  public MethodRegistry sync(String name, RpcMethod method) {
    return add(new Registration(name, Mode.SYNC, method));
  }

  public MethodRegistry async(String name, RpcMethod method) {
    return add(new Registration(name, Mode.ASYNC, method));
  }

  private MethodRegistry add(Registration registration) {
    if (methods.putIfAbsent(registration.name(), registration) != null) {
      throw new IllegalStateException("method '" + registration.name() + "' registered twice");
    }
    return this;
  }

  public Optional<Registration> find(String name) {
    return Optional.ofNullable(methods.get(name));
  }
}
