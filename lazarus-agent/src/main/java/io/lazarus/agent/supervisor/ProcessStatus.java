package io.lazarus.agent.supervisor;

/**
 * One supervised process as get_state reports it: {@code {name, state, uptime:{secs}, mem:{kb,percent},
 * cpu:{total}}}. {@code state} is monit's word: running, starting, failing, stopped, unknown.
 */
public record ProcessStatus(String name, String state, long uptimeSeconds, long memoryKb, double memoryPercent, double cpuTotal) {}
