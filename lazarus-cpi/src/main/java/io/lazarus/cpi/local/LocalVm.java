package io.lazarus.cpi.local;

import io.lazarus.cpi.local.vm.IsolationMode;
import io.lazarus.cpi.local.vm.VmState;
import java.time.Instant;
import java.util.List;

/**
 * One VM as the local-cloud console shows it.
 *
 * @param pid the VM's first process (whose end is the VM's end)
 * @param agentPid the agent's process, 0 when it was never seen
 */
public record LocalVm(
    String cid, String agentId, List<String> ips, IsolationMode mode, VmState state, long pid, long agentPid,
    Instant createdAt) {}
