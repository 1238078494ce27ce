package io.lazarus.director.events;

import java.util.Map;

/**
 * An event to record. Build with {@link #of} and the {@code with*} methods, e.g.
 * {@code NewEvent.of(user, "create", "stemcell", "ubuntu/1.2").withTask(id)}.
 */
public record NewEvent(
    String user,
    String action,
    String objectType,
    String objectName,
    String task,
    String deployment,
    String instance,
    Map<String, Object> context,
    String error,
    Long parentId) {

  public static NewEvent of(String user, String action, String objectType, String objectName) {
    return new NewEvent(user, action, objectType, objectName, null, null, null, Map.of(), null, null);
  }

  public NewEvent withTask(long taskId) {
    return new NewEvent(user, action, objectType, objectName, Long.toString(taskId), deployment, instance, context, error, parentId);
  }

  public NewEvent withDeployment(String name) {
    return new NewEvent(user, action, objectType, objectName, task, name, instance, context, error, parentId);
  }

  public NewEvent withInstance(String name) {
    return new NewEvent(user, action, objectType, objectName, task, deployment, name, context, error, parentId);
  }

  public NewEvent withContext(Map<String, Object> values) {
    return new NewEvent(user, action, objectType, objectName, task, deployment, instance, Map.copyOf(values), error, parentId);
  }

  public NewEvent withError(String message) {
    return new NewEvent(user, action, objectType, objectName, task, deployment, instance, context, message, parentId);
  }

  public NewEvent withParent(long id) {
    return new NewEvent(user, action, objectType, objectName, task, deployment, instance, context, error, id);
  }
}
