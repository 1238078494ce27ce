package io.lazarus.director.deploy;

import io.lazarus.core.time.Sleeper;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.configs.Configs;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.IpAddresses;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.releases.Releases;
import io.lazarus.director.stemcells.Stemcells;
import io.lazarus.director.templates.TemplateRenderer;
import java.nio.file.Path;
import java.time.Clock;
import java.util.function.Function;

/** The deployer's collaborators, built once per Director. */
public record DeployServices(
    Deployments deployments,
    Instances instances,
    Vms vms,
    PersistentDisks disks,
    OrphanDisks orphans,
    IpAddresses ips,
    Stemcells stemcells,
    Locks locks,
    Events events,
    Blobstore blobstore,
    Cpis cpis,
    Function<Vm, AgentClient> agents,
    VmCreator vmCreator,
    InstanceDeleter instanceDeleter,
    TemplateRenderer renderer,
    CompiledPackages compiledPackages,
    ReleaseCatalog catalog,
    PlanningInputs planningInputs,
    Path scratch,
    Sleeper sleeper,
    Clock clock) {

  /** Wires the deployer's parts from the Director's repositories. */
  public static DeployServices create(
      Deployments deployments, Instances instances, Vms vms, PersistentDisks disks, OrphanDisks orphans, IpAddresses ips, Stemcells stemcells, Releases releases,
      Configs configs, Locks locks, Events events, Blobstore blobstore, Cpis cpis, Function<Vm, AgentClient> agents, VmCreator vmCreator, InstanceDeleter deleter,
      TemplateRenderer renderer, CompiledPackages compiledPackages, Path scratch, Sleeper sleeper, Clock clock) {
    ReleaseCatalog catalog = new ReleaseCatalog(releases);
    PlanningInputs inputs = new PlanningInputs(configs, catalog, stemcells, deployments, instances, ips);
    return new DeployServices(deployments, instances, vms, disks, orphans, ips, stemcells, locks, events, blobstore, cpis, agents, vmCreator, deleter, renderer, compiledPackages, catalog, inputs, scratch, sleeper, clock);
  }

  InstanceUpdater instanceUpdater() {
    return new InstanceUpdater(cpis, vmCreator, instances, vms, disks, orphans, ips, blobstore, agents, sleeper, clock);
  }

  PackageCompiler packageCompiler() {
    return new PackageCompiler(compiledPackages, agents);
  }

  InstanceRenderer instanceRenderer() {
    return new InstanceRenderer(renderer, blobstore);
  }
}
