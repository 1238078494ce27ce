package io.lazarus.monitor.fleet;

import java.util.List;
import java.util.Optional;

/** The Health Monitor's current picture, as snapshots. Implementations are thread-safe. */
public interface Fleet {
  /** True once the first full sync with the Director succeeded. */
  boolean synced();

  /** The names of the deployments known from the last sync. */
  List<String> deployments();

  /** Whether the Director reported the deployment locked at the last sync. */
  boolean locked(String deployment);

  /** The deployment's managed agents plus its placeholders for instances without a VM. */
  List<AgentView> agents(String deployment);

  /** Every managed agent and placeholder of every deployment. */
  List<AgentView> all();

  /** The agent of an instance, by instance id. */
  Optional<AgentView> instance(String deployment, String instanceId);
}
