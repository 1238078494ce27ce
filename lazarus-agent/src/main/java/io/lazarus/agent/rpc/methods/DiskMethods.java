package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.disk.DiskManager;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.agent.settings.SettingsStore;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** list_disk, mount_disk, unmount_disk, migrate_disk, add_persistent_disk, remove_persistent_disk. */
public final class DiskMethods {
  private final DiskManager disks;
  private final SettingsStore settings;

  public DiskMethods(DiskManager disks, SettingsStore settings) {
    this.disks = disks;
    this.settings = settings;
  }

  public void register(MethodRegistry registry) {
    registry.async("list_disk", args -> disks.mountedCids());
    registry.async("mount_disk", args -> {
      disks.mount(args.requiredString(0, "disk cid"));
      return Map.of();
    });
    registry.async("unmount_disk", args -> {
      String cid = args.requiredString(0, "disk cid");
      return Map.of("message", disks.unmount(cid) ? "Unmounted partition of " + cid : "Partition of " + cid + " is not mounted");
    });
    registry.async("migrate_disk", args -> {
      disks.migrate();
      return Map.of();
    });
    registry.async("add_persistent_disk", this::addPersistentDisk);
    registry.async("remove_persistent_disk", args -> {
      settings.updatePersistentDisk(args.requiredString(0, "disk cid"), null);
      return Map.of();
    });
  }

  private Object addPersistentDisk(Arguments args) {
    String cid = args.requiredString(0, "disk cid");
    JsonNode disk = args.node(1);
    if (!disk.isString() && !(disk.isObject() && disk.path("path").isString())) {
      throw new RpcException("add_persistent_disk: argument 2 (disk settings) must be a path or {\"path\": ...}");
    }
    settings.updatePersistentDisk(cid, disk);
    return Map.of();
  }
}
