package io.lazarus.agent.disk;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.agent.settings.Settings.PersistentDisk;
import io.lazarus.agent.settings.SettingsStore;
import io.lazarus.core.files.FileTrees;
import io.lazarus.agent.json.JsonCodec;
import io.lazarus.agent.json.JsonTrees;
import tools.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistent disks as BOSH's agent handles them: the first disk mounts at {@code store}; a second one, mounted
 * while the first is still there, goes to {@code store_migration_target} until {@link #migrate()} copies the old
 * store onto it and puts it at {@code store}. What is mounted where is kept in {@code bosh/mounted_disks.json}
 * so it survives an agent restart. One operation at a time.
 */
public final class DiskManager {
  private static final Logger log = LoggerFactory.getLogger(DiskManager.class);

  private final AgentPaths paths;
  private final SettingsStore settings;
  private final Mounter mounter;

  public DiskManager(AgentPaths paths, SettingsStore settings, Mounter mounter) {
    this.paths = paths;
    this.settings = settings;
    this.mounter = mounter;
  }

  /** Cids of the mounted disks, the one at store first. */
  public synchronized List<String> mountedCids() {
    return List.copyOf(mounts().values());
  }

  public synchronized boolean storeMounted() {
    return mounts().containsKey("store");
  }

  public synchronized void mount(String cid) throws IOException, InterruptedException {
    Path directory = directory(cid, "mount_disk");
    Map<String, String> mounts = mounts();
    if (mounts.containsValue(cid)) {
      return;
    }
    String point = mounts.containsKey("store") ? "store_migration_target" : "store";
    mounter.mount(directory, paths.root().resolve(point));
    mounts.put(point, cid);
    save(mounts);
    log.info("mounted disk {} at {} ({})", cid, paths.root().resolve(point), mounter.kind());
  }

  /**
   * Mounts the persistent disks at boot. After a {@code reboot_vm} the agent is in a new mount namespace, where its
   * bind mounts are gone (symbolic links survive), so what {@code mounted_disks.json} lists is mounted again. When it
   * lists nothing, the one persistent disk {@code settings.json} names is mounted at {@code store}, as BOSH's agent does
   * at boot: that is how {@code reattach_disk_and_reboot}, which attaches the disk and reboots without a
   * {@code mount_disk}, gets the disk back. More than one disk there and nothing recorded is refused, as BOSH does.
   */
  public synchronized void mountAtBoot() throws IOException, InterruptedException {
    Map<String, String> mounts = mounts();
    for (Map.Entry<String, String> mount : mounts.entrySet()) {
      Path point = paths.root().resolve(mount.getKey());
      if (!mounter.mounted(point)) {
        mounter.mount(directory(mount.getValue(), "mounting again what " + paths.mountedDisksFile().getFileName() + " lists"), point);
        log.info("mounted disk {} at {} again ({})", mount.getValue(), point, mounter.kind());
      }
    }
    if (mounts.isEmpty()) {
      List<String> inSettings = List.copyOf(settings.load().persistentDisks().keySet());
      if (inSettings.size() > 1) {
        throw new RpcException("there is more than one persistent disk in settings.json 'disks.persistent' " + inSettings + " and none recorded as mounted");
      }
      if (inSettings.size() == 1) {
        mount(inSettings.get(0));
      }
    }
  }

  private Path directory(String cid, String action) {
    PersistentDisk disk = settings.load().persistentDisks().get(cid);
    if (disk == null) {
      throw new RpcException(action + ": disk '" + cid + "' is not in settings.json 'disks.persistent'");
    }
    Path directory = Path.of(disk.path());
    if (!Files.isDirectory(directory)) {
      throw new RpcException(action + ": disk '" + cid + "' directory " + directory + " does not exist");
    }
    return directory;
  }

  /** @return whether the disk was mounted */
  public synchronized boolean unmount(String cid) throws IOException, InterruptedException {
    Map<String, String> mounts = mounts();
    String point = mounts.entrySet().stream().filter(e -> e.getValue().equals(cid)).map(Map.Entry::getKey).findFirst().orElse(null);
    if (point == null) {
      return false;
    }
    mounter.unmount(paths.root().resolve(point));
    mounts.remove(point);
    save(mounts);
    log.info("unmounted disk {} from {}", cid, paths.root().resolve(point));
    return true;
  }

  /** Copies the old store onto the new disk, then puts the new disk at {@code store}. */
  public synchronized void migrate() throws IOException, InterruptedException {
    Map<String, String> mounts = mounts();
    String oldCid = mounts.get("store");
    String newCid = mounts.get("store_migration_target");
    if (oldCid == null || newCid == null) {
      throw new RpcException("migrate_disk: needs the old disk at store and the new one at store_migration_target; mounted: " + mounts);
    }
    copyTree(paths.store(), paths.storeMigrationTarget());
    mounter.unmount(paths.store());
    mounter.unmount(paths.storeMigrationTarget());
    FileTrees.deleteRecursively(paths.storeMigrationTarget());
    mounts.clear();
    save(mounts);
    mounter.mount(Path.of(settings.load().persistentDisks().get(newCid).path()), paths.store());
    mounts.put("store", newCid);
    save(mounts);
    log.info("migrated store from disk {} to disk {}", oldCid, newCid);
  }

  /** Copies files, directories and links (not followed), keeping permissions and times. */
  static void copyTree(Path from, Path to) throws IOException {
    Path source = from.toRealPath();
    Path target = to.toRealPath();
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Path copy = target.resolve(source.relativize(dir).toString());
        if (!Files.isDirectory(copy, LinkOption.NOFOLLOW_LINKS)) {
          Files.copy(dir, copy, StandardCopyOption.COPY_ATTRIBUTES);
        }
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()),
            StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }

  private Map<String, String> mounts() {
    Path file = paths.mountedDisksFile();
    if (!Files.isRegularFile(file)) {
      return new LinkedHashMap<>();
    }
    try {
      Map<String, String> mounts = new LinkedHashMap<>();
      JsonNode json = JsonCodec.read(Files.readString(file));
      if (json != null) {
        json.properties().forEach(entry -> mounts.put(entry.getKey(), entry.getValue().asString()));
      }
      return mounts;
    } catch (IOException | RuntimeException e) {
      throw new RpcException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private void save(Map<String, String> mounts) throws IOException {
    FileTrees.writeAtomically(paths.mountedDisksFile(), JsonCodec.writeBytes(JsonTrees.of(mounts)), null);
  }
}
