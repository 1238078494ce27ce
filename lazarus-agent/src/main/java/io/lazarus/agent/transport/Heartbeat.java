package io.lazarus.agent.transport;

import java.util.Map;

/**
 * BOSH's heartbeat payload (reference/bosh-behaviour.md §2.4); Jackson writes the components in snake_case. The
 * vitals map holds strings only, as BOSH's agent sends them.
 */
public record Heartbeat(
    String deployment,
    String job,
    Integer index,
    String jobState,
    Map<String, Object> vitals,
    String nodeId,
    Integer numberOfProcesses) {}
