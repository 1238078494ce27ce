package io.lazarus.agent.transport;

/**
 * BOSH's agent alert (§2.5): {@code title} is {@code "<service> (<sorted IPs>) - <event> - <action>"},
 * {@code createdAt} epoch seconds, severity 1 alert, 2 critical, 3 error, 4 warning.
 */
public record Alert(String id, int severity, String title, String summary, long createdAt) {}
