package io.lazarus.agent;

import java.nio.file.Path;

/**
 * BOSH's paths on a VM, resolved against {@code VCAP_ROOT}: {@code /var/vcap} in a VM with its own mount namespace,
 * the VM's directory on the host in {@code plain} mode. Immutable.
 */
public record AgentPaths(Path root) {
  /** Where BOSH's paths live inside every VM; jobs' rendered files refer to it. */
  public static final Path STANDARD_ROOT = Path.of("/var/vcap");

  public AgentPaths {
    root = root.toAbsolutePath().normalize();
  }

  /** From the environment variable {@code VCAP_ROOT}, {@code /var/vcap} when unset. */
  public static AgentPaths fromEnvironment() {
    String root = System.getenv("VCAP_ROOT");
    return new AgentPaths(root == null || root.isBlank() ? STANDARD_ROOT : Path.of(root));
  }

  /** Plain mode: the VM's files are not at /var/vcap, so installed job files need their paths rewritten. */
  public boolean plainMode() {
    return !root.equals(STANDARD_ROOT);
  }

  public Path bosh() {
    return root.resolve("bosh");
  }

  public Path settingsFile() {
    return bosh().resolve("settings.json");
  }

  public Path updateSettingsFile() {
    return bosh().resolve("update_settings.json");
  }

  public Path specFile() {
    return bosh().resolve("spec.json");
  }

  public Path mountedDisksFile() {
    return bosh().resolve("mounted_disks.json");
  }

  /** The last of start, stop and apply: whether a restarted agent starts the jobs again. */
  public Path lastJobCommandFile() {
    return bosh().resolve("last_job_command");
  }

  public Path agentLog() {
    return bosh().resolve("log").resolve("current");
  }

  public Path data() {
    return root.resolve("data");
  }

  /** The agent's own blob store, served at {@code /blobs/<id>} over HTTPS. */
  public Path localBlobs() {
    return data().resolve("blobs");
  }

  public Path packagesData() {
    return data().resolve("packages");
  }

  public Path jobsData() {
    return data().resolve("jobs");
  }

  public Path compileDir() {
    return data().resolve("compile");
  }

  public Path tmp() {
    return data().resolve("tmp");
  }

  public Path packages() {
    return root.resolve("packages");
  }

  public Path jobs() {
    return root.resolve("jobs");
  }

  public Path sysLog() {
    return root.resolve("sys").resolve("log");
  }

  public Path sysRun() {
    return root.resolve("sys").resolve("run");
  }

  public Path store() {
    return root.resolve("store");
  }

  /** Where a second persistent disk is mounted while migrate_disk copies the old one onto it. */
  public Path storeMigrationTarget() {
    return root.resolve("store_migration_target");
  }

  public Path instanceDir() {
    return root.resolve("instance");
  }
}
