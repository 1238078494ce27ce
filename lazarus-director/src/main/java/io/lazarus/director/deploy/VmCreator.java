package io.lazarus.director.deploy;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentUnreachableException;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.deploy.AgentEnvironment.MbusCredentials;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * Creates a VM and waits for its agent, as BOSH's VmCreator does: the VM row (with the agent id, credentials and the
 * name of the CPI asked) is written before the CPI is asked, so a Director that dies meanwhile still knows the agent;
 * a VM whose agent never answers is deleted again, so a failed create leaves nothing behind. The VM is made by the
 * CPI its stemcell is in ({@link Stemcell#cpi()}); deleting it goes to the CPI that made it. Thread-safe.
 */
public final class VmCreator {
  /** BOSH's {@code agent_wait_timeout}. */
  public static final Duration AGENT_WAIT_TIMEOUT = Duration.ofMinutes(10);
  private static final Duration VM_CHECK = Duration.ofSeconds(5);

  private final Cpis cpis;
  private final Vms vms;
  private final AgentEnvironment environment;
  private final Function<Vm, AgentClient> agents;
  private final Duration agentWaitTimeout;

  public VmCreator(Cpis cpis, Vms vms, AgentEnvironment environment, Function<Vm, AgentClient> agents, Duration agentWaitTimeout) {
    this.cpis = cpis;
    this.vms = vms;
    this.environment = environment;
    this.agents = agents;
    this.agentWaitTimeout = agentWaitTimeout;
  }

  /**
   * Creates a VM for the instance ({@code null} for a compilation VM) on {@code networks}, whose default network's IP
   * becomes the agent's address, and returns it once its agent answers {@code ping}.
   */
  public Vm create(Long instanceId, Stemcell stemcell, Map<String, Object> cloudProperties, Map<String, Network> networks, List<String> diskCids, TaskContext ctx)
      throws CpiException, AgentUnreachableException, InterruptedException {
    String ip = defaultIp(networks);
    Cpi cpi = cpis.named(stemcell.cpi());
    MbusCredentials credentials = environment.newCredentials();
    Vm vm = vms.create(instanceId, UUID.randomUUID().toString(), cpis.canonical(stemcell.cpi()), AgentEnvironment.mbusUrl(ip), credentials.user(), credentials.password(), stemcell.label());
    String cid = null;
    try {
      ctx.debug("creating VM for agent " + vm.agentId() + " on " + ip + " from stemcell " + stemcell.cid() + " (cpi " + vm.cpi() + ")");
      CreatedVm created = cpi.createVm(new VmSpec(vm.agentId(), stemcell.cid(), cloudProperties, networks, diskCids, environment.env(vm.agentId(), ip, credentials)));
      cid = created.cid();
      vms.setCid(vm.id(), cid);
      awaitAgent(cpi, vm, cid, ctx);
      return vms.get(vm.id());
    } catch (CpiException | AgentUnreachableException | InterruptedException | RuntimeException e) {
      discard(cpi, vm, cid, ctx);
      throw e;
    }
  }

  /**
   * Waits for the new VM's agent (BOSH's agent_wait_timeout), asking the cloud every {@link #VM_CHECK} whether the VM
   * still exists: a VM that died while booting fails the wait at once instead of holding the deployment's lock for
   * the whole timeout (a resurrection would otherwise wait ten minutes on a VM killed under it).
   */
  private void awaitAgent(Cpi cpi, Vm vm, String cid, TaskContext ctx) throws AgentUnreachableException, InterruptedException {
    AgentClient agent = agents.apply(vm);
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        agent.waitUntilReady(VM_CHECK, ctx::cancelRequested);
        return;
      } catch (AgentUnreachableException e) {
        waited = waited.plus(VM_CHECK);
        if (vmGone(cpi, cid)) {
          throw new AgentUnreachableException("VM " + cid + " is gone from the cloud while waiting for its agent " + vm.agentId(), e);
        }
        if (waited.compareTo(agentWaitTimeout) >= 0) {
          throw new AgentUnreachableException("Timed out pinging " + vm.endpoint() + " after " + agentWaitTimeout.toSeconds() + " seconds", e);
        }
      }
    }
  }

  /** True only when the cloud says the VM does not exist (a CPI without has_vm, or an error, is no answer). */
  private static boolean vmGone(Cpi cpi, String cid) {
    try {
      return !cpi.hasVm(cid);
    } catch (CpiException e) {
      return false;
    }
  }

  /** Deletes the VM in the cloud of the CPI that made it (a VM already gone is fine) and forgets it. */
  public void delete(Vm vm, TaskContext ctx) throws CpiException {
    if (vm.cid() != null) {
      ctx.debug("deleting VM " + vm.cid() + " (cpi " + vm.cpi() + ")");
      cpis.forVm(vm).deleteVm(vm.cid());
    }
    vms.delete(vm.id());
  }

  private void discard(Cpi cpi, Vm vm, String cid, TaskContext ctx) {
    if (cid != null) {
      try {
        cpi.deleteVm(cid);
      } catch (CpiException e) {
        ctx.debug("could not delete VM " + cid + " after a failed create (left to cloud check): " + e.getMessage());
        return; // keep the row: it is how cloud check finds the VM
      }
    }
    vms.delete(vm.id());
  }

  /** The IP of the network that provides the gateway (BOSH's default), or of the only network. */
  static String defaultIp(Map<String, Network> networks) {
    if (networks.isEmpty()) {
      throw new IllegalArgumentException("a VM needs at least one network");
    }
    return networks.values().stream()
        .filter(Network::providesGateway)
        .findFirst()
        .or(() -> networks.size() == 1 ? networks.values().stream().findFirst() : java.util.Optional.empty())
        .map(Network::ip)
        .orElseThrow(() -> new IllegalArgumentException("none of the networks " + networks.keySet() + " is the default for gateway"));
  }

  /** The stemcell a VM boots: the CPI that has it, its cloud id there, and {@code name/version} as the VM records it. */
  public record Stemcell(String cpi, String cid, String label) {}
}
