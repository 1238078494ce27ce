package io.lazarus.agent.heartbeat;

import io.lazarus.agent.install.ApplySpec;
import io.lazarus.agent.install.SpecStore;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.transport.Heartbeat;

/** Composes BOSH's heartbeat payload from the applied spec, the supervisor and fresh vitals. */
public final class HeartbeatFactory {
  private final SpecStore specs;
  private final JobSupervisor supervisor;
  private final VitalsCollector vitals;

  public HeartbeatFactory(SpecStore specs, JobSupervisor supervisor, VitalsCollector vitals) {
    this.specs = specs;
    this.supervisor = supervisor;
    this.vitals = vitals;
  }

  public Heartbeat next() {
    ApplySpec spec = new ApplySpec(specs.current());
    return new Heartbeat(
        spec.text("deployment"),
        spec.jobName(),
        spec.index(),
        supervisor.jobState().wire(),
        vitals.collect(),
        spec.text("id"),
        supervisor.processes().size());
  }
}
