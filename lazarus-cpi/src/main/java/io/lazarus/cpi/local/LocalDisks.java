package io.lazarus.cpi.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.local.vm.AgentSettings;
import io.lazarus.cpi.local.vm.CloudLayout;
import io.lazarus.cpi.local.vm.CloudLocks;
import io.lazarus.cpi.local.vm.CloudRecords;
import io.lazarus.cpi.local.vm.DiskRecord;
import io.lazarus.cpi.local.vm.VmRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The local cloud's persistent disks for {@link LocalCpi}: directories that outlive the VMs they are attached to.
 * Attaching and detaching rewrite the VM's settings and record under the disks' lock and then the VM's.
 */
final class LocalDisks {
  private final CloudLayout layout;
  private final CloudRecords records;
  private final CloudLocks locks;
  private final Clock clock;

  LocalDisks(CloudLayout layout, CloudRecords records, CloudLocks locks, Clock clock) {
    this.layout = layout;
    this.records = records;
    this.locks = locks;
    this.clock = clock;
  }

  String create(int sizeMb, Map<String, Object> cloudProperties) throws CpiException {
    if (sizeMb <= 0) {
      throw CpiErrors.cloudError("cannot create a disk of " + sizeMb + " MB: the size must be positive");
    }
    String cid = "disk-" + UUID.randomUUID();
    try {
      records.save(new DiskRecord(cid, sizeMb, cloudProperties, clock.instant()));
      Files.createDirectories(layout.disk(cid));
      return cid;
    } catch (IOException e) {
      FileTrees.deleteRecursively(layout.disk(cid));
      deleteQuietly(layout.diskRecord(cid));
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot create disk under " + layout.disks() + ": " + IoErrors.describe(e),
          true, e);
    }
  }

  void delete(String diskCid) throws CpiException {
    requireDiskCid(diskCid);
    try (CloudLocks.Held disks = locks.acquire(CloudLocks.DISKS)) {
      Optional<VmRecord> holder = records.holderOf(diskCid);
      if (holder.isPresent()) {
        throw CpiErrors.cloudError("disk " + diskCid + " is attached to VM " + holder.get().cid() + "; detach it first");
      }
      Files.deleteIfExists(layout.diskRecord(diskCid));
      FileTrees.deleteRecursively(layout.disk(diskCid));
    } catch (IOException | RuntimeException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot delete disk " + diskCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  DiskHint attach(String vmCid, String diskCid) throws CpiException {
    LocalCpi.requireVmCid(vmCid);
    requireDiskCid(diskCid);
    try (CloudLocks.Held disks = locks.acquire(CloudLocks.DISKS);
        CloudLocks.Held vmLock = locks.acquire(CloudLocks.vm(vmCid))) {
      VmRecord vm = existing(vmCid);
      if (records.disk(diskCid).isEmpty()) {
        throw CpiErrors.diskNotFound(diskCid);
      }
      Optional<VmRecord> holder = records.holderOf(diskCid);
      if (holder.isPresent() && !holder.get().cid().equals(vmCid)) {
        throw CpiErrors.cloudError("disk " + diskCid + " is already attached to VM " + holder.get().cid());
      }
      saveWithDisks(vm.withDisk(diskCid));
      return DiskHint.path(layout.disk(diskCid).toString());
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          "cannot attach disk " + diskCid + " to VM " + vmCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  void detach(String vmCid, String diskCid) throws CpiException {
    LocalCpi.requireVmCid(vmCid);
    requireDiskCid(diskCid);
    try (CloudLocks.Held disks = locks.acquire(CloudLocks.DISKS);
        CloudLocks.Held vmLock = locks.acquire(CloudLocks.vm(vmCid))) {
      VmRecord vm = existing(vmCid);
      if (vm.diskCids().contains(diskCid)) {
        saveWithDisks(vm.withoutDisk(diskCid));
      }
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR,
          "cannot detach disk " + diskCid + " from VM " + vmCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  boolean has(String diskCid) throws CpiException {
    requireDiskCid(diskCid);
    try {
      return records.disk(diskCid).isPresent();
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot read disk " + diskCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  /** Writes the VM's settings with its disks, then its record: the agent learns of a disk before the Director. */
  private void saveWithDisks(VmRecord vm) throws IOException {
    Map<String, String> paths = new LinkedHashMap<>();
    vm.diskCids().forEach(cid -> paths.put(cid, layout.disk(cid).toString()));
    SettingsFile settings = new SettingsFile(layout.settings(vm.cid()));
    settings.write(AgentSettings.withPersistentDisks(settings.read(), paths));
    records.save(vm);
  }

  private VmRecord existing(String vmCid) throws IOException, CpiException {
    return records.vm(vmCid).orElseThrow(() -> CpiErrors.vmNotFound(vmCid));
  }

  private static void requireDiskCid(String diskCid) throws CpiException {
    if (!CloudLayout.isDiskCid(diskCid)) {
      throw CpiErrors.cloudError("'" + diskCid + "' is not a local disk id");
    }
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      // The record is an orphan without its directory and is never listed.
    }
  }
}
