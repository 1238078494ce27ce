package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;

/** One area of the Director API (tasks, configs, releases, ...), registering its endpoints. */
public interface Routes {
  void register(RoutesConfig routes);
}
