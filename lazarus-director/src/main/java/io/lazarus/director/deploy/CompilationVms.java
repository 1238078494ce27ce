package io.lazarus.director.deploy;

import io.lazarus.core.cloudconfig.CloudConfig;
import io.lazarus.core.cloudconfig.Compilation;
import io.lazarus.core.cloudconfig.ManualNetwork;
import io.lazarus.core.cloudconfig.ManualSubnet;
import io.lazarus.core.network.DynamicIpAllocator;
import io.lazarus.core.network.Ipv4Address;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.Network;
import io.lazarus.director.agent.AgentUnreachableException;
import io.lazarus.director.deploy.VmCreator.Stemcell;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.tasks.TaskContext;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * The compilation VMs of one deploy: at most {@code compilation.workers} at once on the compilation network, each
 * on a free address; with {@code reuse_compilation_vms} a VM compiles package after package, otherwise each package
 * gets a fresh one. {@link #close} deletes every VM still standing. Thread-safe.
 */
final class CompilationVms implements AutoCloseable {
  private final VmCreator creator;
  private final Compilation compilation;
  private final ManualNetwork network;
  private final Map<String, Object> cloudProperties;
  private final Set<Ipv4Address> taken;
  private final TaskContext ctx;
  private final Semaphore workers;
  private final Deque<Vm> idle = new ArrayDeque<>();
  private final List<Vm> all = new ArrayList<>();

  CompilationVms(VmCreator creator, CloudConfig cloud, Set<Ipv4Address> taken, TaskContext ctx) {
    this.creator = creator;
    this.compilation = cloud.compilation();
    if (!(cloud.network(compilation.network()).orElseThrow() instanceof ManualNetwork manual)) {
      throw new IllegalArgumentException("compilation.network '" + compilation.network() + "' must be a manual network for the local cloud");
    }
    this.network = manual;
    Map<String, Object> properties = new LinkedHashMap<>(compilation.vmType().flatMap(cloud::vmType).map(type -> type.cloudProperties()).orElse(Map.of()));
    properties.putAll(compilation.cloudProperties());
    this.cloudProperties = properties;
    this.taken = new HashSet<>(taken);
    this.ctx = ctx;
    this.workers = new Semaphore(Math.max(1, compilation.workers()));
  }

  /** Work done on one compilation VM. */
  @FunctionalInterface
  interface OnVm<T> {
    T run(Vm vm) throws Exception;
  }

  /** Runs {@code work} on a compilation VM (waiting for a free worker), then releases or deletes the VM. */
  <T> T withVm(Stemcell stemcell, OnVm<T> work) throws Exception {
    workers.acquire();
    try {
      Vm vm = take(stemcell);
      boolean healthy = false;
      try {
        T result = work.run(vm);
        healthy = true;
        return result;
      } finally {
        giveBack(vm, healthy && compilation.reuseCompilationVms());
      }
    } finally {
      workers.release();
    }
  }

  private Vm take(Stemcell stemcell) throws CpiException, AgentUnreachableException, InterruptedException {
    synchronized (this) {
      Vm reusable = idle.pollFirst();
      if (reusable != null) {
        return reusable;
      }
    }
    String ip = nextAddress();
    Vm vm = creator.create(null, stemcell, cloudProperties, Map.of(network.name(), networkFor(ip)), List.of(), ctx);
    synchronized (this) {
      all.add(vm);
    }
    return vm;
  }

  private void giveBack(Vm vm, boolean keep) throws CpiException {
    if (keep) {
      synchronized (this) {
        idle.addLast(vm);
      }
      return;
    }
    synchronized (this) {
      all.remove(vm);
    }
    creator.delete(vm, ctx);
  }

  private synchronized String nextAddress() {
    for (ManualSubnet subnet : subnets()) {
      Optional<Ipv4Address> free = DynamicIpAllocator.lowestFree(subnet.addresses(), taken);
      if (free.isPresent()) {
        taken.add(free.get());
        return free.get().toString();
      }
    }
    throw new IllegalStateException("no free address left on compilation network '" + network.name() + "' for a compilation VM");
  }

  private Network networkFor(String ip) {
    Ipv4Address address = Ipv4Address.parse(ip);
    ManualSubnet subnet = subnets().stream().filter(s -> s.addresses().range().contains(address)).findFirst().orElseThrow();
    return new Network("manual", ip, subnet.addresses().range().netmask().toString(), subnet.addresses().gateway().toString(), subnet.dns(), List.of("dns", "gateway"), subnet.cloudProperties());
  }

  private List<ManualSubnet> subnets() {
    return compilation.az().map(network::subnetsServing).orElse(network.subnets());
  }

  @Override
  public void close() {
    List<Vm> remaining;
    synchronized (this) {
      remaining = List.copyOf(all);
      all.clear();
      idle.clear();
    }
    for (Vm vm : remaining) {
      try {
        creator.delete(vm, ctx);
      } catch (CpiException e) {
        ctx.debug("could not delete compilation VM " + vm.cid() + ": " + e.getMessage());
      }
    }
  }
}
