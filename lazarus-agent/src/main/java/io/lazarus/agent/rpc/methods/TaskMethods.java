package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.rpc.AgentTasks;
import io.lazarus.agent.rpc.AgentTasks.Snapshot;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.RpcException;
import java.util.Map;

/** get_task and cancel_task over the agent's async tasks (§6.3). */
public final class TaskMethods {
  private final AgentTasks tasks;

  public TaskMethods(AgentTasks tasks) {
    this.tasks = tasks;
  }

  public void register(MethodRegistry registry) {
    registry.sync("get_task", this::getTask);
    registry.sync("cancel_task", this::cancelTask);
  }

  private Object getTask(Arguments args) {
    String id = args.requiredString(0, "agent_task_id");
    Snapshot task = tasks.find(id).orElseThrow(() -> new RpcException("Task with id " + id + " could not be found"));
    return switch (task.state()) {
      case RUNNING -> Map.of("agent_task_id", id, "state", "running");
      case DONE -> task.result();
      case FAILED -> throw new RpcException("Task " + id + " result: " + task.error());
    };
  }

  private Object cancelTask(Arguments args) {
    String id = args.requiredString(0, "agent_task_id");
    if (!tasks.cancel(id)) {
      throw new RpcException("Task with id " + id + " could not be found");
    }
    return "canceled";
  }
}
