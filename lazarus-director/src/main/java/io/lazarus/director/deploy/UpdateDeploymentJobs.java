package io.lazarus.director.deploy;

import io.lazarus.core.json.Json;
import io.lazarus.director.tasks.JobFactory;
import java.util.Map;

/**
 * BOSH runs both {@code bosh deploy} and the converging {@code bosh start|stop|restart|recreate} as {@code
 * update_deployment} tasks ("create deployment"); Lazarus keeps them as two jobs and tells them apart by their
 * payload: an instance state change names the {@code state} it asks for, a deploy carries a {@code manifest}.
 */
public final class UpdateDeploymentJobs {
  private UpdateDeploymentJobs() {}

  public static JobFactory factory(DeployServices services) {
    JobFactory deploy = DeployJob.factory(services);
    JobFactory stateChange = InstanceStateJob.factory(services);
    return task -> Json.read(task.payload(), Map.class).containsKey("state") ? stateChange.create(task) : deploy.create(task);
  }
}
