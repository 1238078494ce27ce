package io.lazarus.agent.supervisor;

/** A monit-style event for {@link SupervisorListener#processEvent}, collected under the state lock, told after it. */
record ProcessEvent(String service, String event, String action, String description) {}
