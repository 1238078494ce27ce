package io.lazarus.cli.commands.task;

import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;

/** Tasks that are queued, processing or cancelling; the bosh CLI always lists these with {@code verbose=2}. */
final class CurrentTasks {
  private CurrentTasks() {}

  static Task[] list(DirectorClient director, String deployment) {
    String path = Query.of().with("deployment", deployment).with("state", "processing,cancelling,queued")
        .with("verbose", 2).appendTo("/tasks");
    return director.getJson(path, Task[].class);
  }
}
