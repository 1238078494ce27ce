package io.lazarus.director.cloudcheck;

import io.lazarus.director.DirectorConfig;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.deploy.InstanceRecreator;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.locks.Locks;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

/**
 * Cloud check's collaborators, built once per Director.
 *
 * @param agentProbeTimeout how long the scan waits for an agent's {@code get_state} (BOSH: 10 s)
 * @param agentWaitTimeout how long a rebooted VM's agent may take to answer (BOSH's {@code agent_wait_timeout})
 */
public record CloudCheckServices(
    Deployments deployments,
    Instances instances,
    Vms vms,
    PersistentDisks disks,
    OrphanDisks orphans,
    Problems problems,
    Locks locks,
    Events events,
    Cpis cpis,
    Function<Vm, AgentClient> agents,
    InstanceRecreator recreator,
    DirectorConfig.ScanAndFix scanAndFix,
    Duration agentProbeTimeout,
    Duration agentWaitTimeout,
    Clock clock) {

  /** BOSH's scan timeout for {@code get_state}. */
  public static final Duration AGENT_PROBE_TIMEOUT = Duration.ofSeconds(10);
}
