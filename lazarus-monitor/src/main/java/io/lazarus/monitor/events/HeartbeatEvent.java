package io.lazarus.monitor.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A heartbeat as the Health Monitor hands it to plugins (bosh-behaviour.md §2.4): the agent's payload with
 * {@code deployment}, {@code job}, {@code instanceId} and {@code teams} overwritten by what the Director says.
 * {@code numberOfProcesses} may be null.
 */
public record HeartbeatEvent(
    String id,
    Instant timestamp,
    String deployment,
    String agentId,
    String job,
    Integer index,
    String instanceId,
    String jobState,
    Map<String, Object> vitals,
    List<String> teams,
    Integer numberOfProcesses) {}
