package io.lazarus.director.cloudcheck;

import io.lazarus.director.tasks.TaskContext;
import java.util.List;
import java.util.Optional;

/**
 * What cloud check knows about one type of problem, as BOSH's problem handlers: how to describe it, which
 * resolutions it offers (in the order the CLI shows them), which one {@code cck --auto} takes, and how to apply one.
 */
interface ProblemHandler {
  String description();

  List<Resolution> resolutions();

  /** The resolution taken when the operator sends none (null). */
  String autoResolution();

  /**
   * Applies resolution {@code name}.
   *
   * @throws ProblemHandlerException when the resolution cannot be applied (the message is the operator's)
   */
  void apply(String name, TaskContext ctx) throws Exception;

  default Optional<Resolution> resolution(String name) {
    return resolutions().stream().filter(resolution -> resolution.name().equals(name)).findFirst();
  }
}
