package io.lazarus.monitor.analysis;

import io.lazarus.monitor.director.DirectorApi.InstanceSummary;
import io.lazarus.monitor.events.Alert;
import io.lazarus.monitor.fleet.Agent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The alerts the HM core raises, worded exactly as BOSH's (bosh-behaviour.md §2.6 table). */
public final class HealthAlerts {
  private HealthAlerts() {}

  public static Alert timedOut(Agent agent, Instant now) {
    Agent.Placement p = agent.placement();
    return new Alert(id(), Alert.CRITICAL, Alert.VM_HEALTH, agent.id() + " has timed out", null, agent.name(), p.deployment(), p.job(), p.instanceId(), now, null);
  }

  public static Alert deploymentTimedOut(String deployment, Map<String, List<String>> jobsToInstanceIds, Instant now) {
    return new Alert(id(), Alert.CRITICAL, Alert.DEPLOYMENT_HEALTH, deployment + " has instances with timed out agents", null, deployment, deployment, null, null, now, jobsToInstanceIds);
  }

  public static Alert rogue(Agent agent, Instant now) {
    return new Alert(id(), Alert.CRITICAL, null, agent.id() + " is not a part of any deployment", null, agent.name(), null, null, null, now, null);
  }

  public static Alert withoutVm(String deployment, InstanceSummary instance, Instant now) {
    String source = deployment + ": " + instance.job() + "(" + instance.id() + ") [agent_id=" + (instance.agentId() == null ? "" : instance.agentId())
        + ", index=" + (instance.index() == null ? "" : instance.index()) + ", cid=]";
    return new Alert(id(), Alert.CRITICAL, Alert.VM_HEALTH, instance.id() + " has no VM", null, source, deployment, instance.job(), instance.id(), now, null);
  }

  public static Alert deploymentWithoutVms(String deployment, Map<String, List<String>> jobsToInstanceIds, Instant now) {
    return new Alert(id(), Alert.CRITICAL, Alert.DEPLOYMENT_HEALTH, deployment + " has instances which do not have VMs", null, deployment, deployment, null, null, now, jobsToInstanceIds);
  }

  public static Alert directorUnreachable(String error, Instant now) {
    return new Alert(id(), Alert.ERROR, null, "Health monitor failed to connect to director", error, "hm", null, null, null, now, null);
  }

  private static String id() {
    return UUID.randomUUID().toString();
  }
}
