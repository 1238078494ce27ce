package io.lazarus.cpi.local.vm;

import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Where the local cloud keeps things under its root: {@code stemcells/<cid>/image/}, {@code vms/<cid>/} (with
 * {@code vm.json} and {@code root/}, the VM's {@code /var/vcap}) and {@code disks/<cid>/} with {@code disks/<cid>.json}.
 * Cids are checked before they become paths, so no argument can point outside the root.
 */
public record CloudLayout(Path root) {
  private static final Pattern STEMCELL_CID = Pattern.compile("sc-[0-9a-f-]{36}");
  private static final Pattern VM_CID = Pattern.compile("vm-[0-9a-f-]{36}");
  private static final Pattern DISK_CID = Pattern.compile("disk-[0-9a-f-]{36}");

  public CloudLayout {
    root = root.toAbsolutePath().normalize();
  }

  public static boolean isStemcellCid(String cid) {
    return cid != null && STEMCELL_CID.matcher(cid).matches();
  }

  public static boolean isVmCid(String cid) {
    return cid != null && VM_CID.matcher(cid).matches();
  }

  public static boolean isDiskCid(String cid) {
    return cid != null && DISK_CID.matcher(cid).matches();
  }

  public Path stemcells() {
    return root.resolve("stemcells");
  }

  public Path stemcellImage(String cid) {
    return stemcells().resolve(cid).resolve("image");
  }

  public Path vms() {
    return root.resolve("vms");
  }

  public Path vm(String cid) {
    return vms().resolve(cid);
  }

  public Path vmRecord(String cid) {
    return vm(cid).resolve("vm.json");
  }

  /** The VM's {@code /var/vcap}. */
  public Path vmRoot(String cid) {
    return vm(cid).resolve("root");
  }

  public Path settings(String cid) {
    return vmRoot(cid).resolve("bosh").resolve("settings.json");
  }

  public Path consoleLog(String cid) {
    return vmRoot(cid).resolve("bosh").resolve("log").resolve("console.log");
  }

  /** Where the VM's first process writes the agent's pid (as its own pid namespace sees it). */
  public Path agentPidFile(String cid) {
    return vm(cid).resolve("agent.pid");
  }

  public Path disks() {
    return root.resolve("disks");
  }

  public Path disk(String cid) {
    return disks().resolve(cid);
  }

  public Path diskRecord(String cid) {
    return disks().resolve(cid + ".json");
  }

  public Path locks() {
    return root.resolve("locks");
  }
}
