package io.lazarus.director.tasks;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Which {@link JobFactory} runs each task type. Thread-safe; filled while the Director is wired. */
public final class JobRegistry {
  private final Map<String, JobFactory> factories = new ConcurrentHashMap<>();

  public JobRegistry register(String type, JobFactory factory) {
    if (factories.putIfAbsent(type, factory) != null) {
      throw new IllegalStateException("task type '" + type + "' registered twice");
    }
    return this;
  }

  Optional<JobFactory> find(String type) {
    return Optional.ofNullable(factories.get(type));
  }
}
