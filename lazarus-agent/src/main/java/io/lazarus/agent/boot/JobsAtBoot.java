package io.lazarus.agent.boot;

import io.lazarus.agent.disk.DiskManager;
import io.lazarus.agent.install.ApplySpec;
import io.lazarus.agent.install.InstalledJobs;
import io.lazarus.agent.install.SpecStore;
import io.lazarus.agent.jobs.LastJobCommandFile;
import io.lazarus.agent.supervisor.JobSupervisor;
import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings a VM's jobs back when its agent starts, as monit does when a BOSH VM boots: mounts the persistent disk
 * ({@link DiskManager#mountAtBoot}), loads the installed jobs of the stored spec and starts them (dependencies
 * first, as {@code start} does) when the last job command was {@code start}. A failure is logged and leaves the
 * jobs not started: the agent still comes up to answer the Director.
 */
public final class JobsAtBoot {
  private static final Logger log = LoggerFactory.getLogger(JobsAtBoot.class);

  private final SpecStore specs;
  private final InstalledJobs installed;
  private final LastJobCommandFile lastCommand;
  private final DiskManager disks;
  private final JobSupervisor supervisor;

  public JobsAtBoot(SpecStore specs, InstalledJobs installed, LastJobCommandFile lastCommand, DiskManager disks,
      JobSupervisor supervisor) {
    this.specs = specs;
    this.installed = installed;
    this.lastCommand = lastCommand;
    this.disks = disks;
    this.supervisor = supervisor;
  }

  /** Returns once the jobs are loaded and their start is under way ({@link JobSupervisor#startAll()}). */
  public void bringBack() {
    boolean disksReady = mountDisks();
    try {
      List<String> jobs = new ApplySpec(specs.current()).jobNames();
      BootPlan plan = BootPlan.decide(jobs, installed.missing(jobs), lastCommand.read(), disksReady);
      if (plan.loads()) {
        supervisor.load(installed.monitJobs(jobs));
      }
      if (plan.starts()) {
        supervisor.startAll();
      }
      log.info("at boot: {}", plan.reason());
    } catch (RuntimeException e) {
      log.error("at boot: jobs not brought back: {}", e.getMessage(), e);
    }
  }

  private boolean mountDisks() {
    try {
      disks.mountAtBoot();
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      log.error("at boot: interrupted while mounting the persistent disk");
      return false;
    } catch (IOException | RuntimeException e) {
      log.error("at boot: cannot mount the persistent disk: {}", e.getMessage(), e);
      return false;
    }
  }
}
