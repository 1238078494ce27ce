package io.lazarus.cpi.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.process.ProcessId;
import io.lazarus.cpi.local.vm.CloudLayout;
import io.lazarus.cpi.local.vm.CloudRecords;
import io.lazarus.cpi.local.vm.VmLauncher;
import io.lazarus.cpi.local.vm.VmRecord;
import io.lazarus.cpi.local.vm.VmTree;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.Map;

/**
 * Makes one VM: copies the stemcell's image into a staging directory, writes the settings, moves it into place,
 * starts its processes and records it. On any failure it takes everything down again, processes and directories.
 */
final class VmBuilder {
  private final CloudLayout layout;
  private final CloudRecords records;
  private final VmLauncher launcher;
  private final LocalCpiOptions options;

  VmBuilder(CloudLayout layout, CloudRecords records, VmLauncher launcher, LocalCpiOptions options) {
    this.layout = layout;
    this.records = records;
    this.launcher = launcher;
    this.options = options;
  }

  void build(String cid, VmSpec spec, Map<String, Object> settings) throws IOException {
    Path staging = layout.vms().resolve("." + cid + ".creating");
    VmRecord vm = new VmRecord(cid, spec.agentId(), spec.stemcellCid(), spec.networks(), launcher.mode(), 0, 0, 0, 0,
        Map.of(), java.util.List.of(), options.clock().instant());
    VmLauncher.Started started = null;
    try {
      copyTree(layout.stemcellImage(spec.stemcellCid()), staging.resolve("root"));
      Files.createDirectories(staging.resolve("root").resolve("bosh").resolve("log"));
      new SettingsFile(staging.resolve("root").resolve("bosh").resolve("settings.json")).write(settings);
      Files.move(staging, layout.vm(cid), StandardCopyOption.ATOMIC_MOVE);
      started = launcher.start(cid);
      records.save(vm.withProcesses(started.process(), agentOrNone(started)));
    } catch (IOException | RuntimeException e) {
      try {
        if (started != null) {
          new VmTree(vm.withProcesses(started.process(), agentOrNone(started))).stop(Duration.ZERO);
        }
        FileTrees.deleteRecursively(layout.vm(cid));
        FileTrees.deleteRecursively(staging);
      } catch (IOException | RuntimeException cleanupFailure) {
        e.addSuppressed(cleanupFailure);
      }
      throw e;
    }
  }

  /** The agent's id, or a null id (pid 0) when the agent ended before it could be seen. */
  static ProcessId agentOrNone(VmLauncher.Started started) {
    return started.agent() != null ? started.agent() : new ProcessId(0, 0);
  }

  /** Copies a tree with its modes; links are copied as links. */
  static void copyTree(Path source, Path target) throws IOException {
    Files.walkFileTree(source, new SimpleFileVisitor<>() {
      @Override
      public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
        Files.createDirectories(target.resolve(source.relativize(dir).toString()));
        return FileVisitResult.CONTINUE;
      }

      @Override
      public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
        Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
            LinkOption.NOFOLLOW_LINKS);
        return FileVisitResult.CONTINUE;
      }
    });
  }
}
