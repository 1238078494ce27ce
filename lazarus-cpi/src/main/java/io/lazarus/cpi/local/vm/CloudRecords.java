package io.lazarus.cpi.local.vm;

import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads and writes the local cloud's records ({@code vm.json}, {@code disks/<cid>.json}). Writes are atomic, so a
 * reader in another process never sees half a record; a directory without its record is one being created or
 * deleted and is not listed.
 */
public final class CloudRecords {
  private final CloudLayout layout;

  public CloudRecords(CloudLayout layout) {
    this.layout = layout;
  }

  public Optional<VmRecord> vm(String cid) throws IOException {
    if (!CloudLayout.isVmCid(cid)) {
      return Optional.empty();
    }
    return read(layout.vmRecord(cid), VmRecord.class);
  }

  public void save(VmRecord vm) throws IOException {
    FileTrees.writeAtomically(layout.vmRecord(vm.cid()), Json.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(vm), null);
  }

  public List<VmRecord> vms() throws IOException {
    List<VmRecord> vms = new ArrayList<>();
    for (String cid : list(layout.vms())) {
      if (CloudLayout.isVmCid(cid)) {
        vm(cid).ifPresent(vms::add);
      }
    }
    return vms;
  }

  public Optional<DiskRecord> disk(String cid) throws IOException {
    if (!CloudLayout.isDiskCid(cid) || !Files.isDirectory(layout.disk(cid))) {
      return Optional.empty();
    }
    return read(layout.diskRecord(cid), DiskRecord.class);
  }

  public void save(DiskRecord disk) throws IOException {
    FileTrees.writeAtomically(layout.diskRecord(disk.cid()), Json.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsBytes(disk), null);
  }

  public List<DiskRecord> disks() throws IOException {
    List<DiskRecord> disks = new ArrayList<>();
    for (String name : list(layout.disks())) {
      if (CloudLayout.isDiskCid(name)) {
        disk(name).ifPresent(disks::add);
      }
    }
    return disks;
  }

  /** The VM a disk is attached to, if any. */
  public Optional<VmRecord> holderOf(String diskCid) throws IOException {
    return vms().stream().filter(vm -> vm.diskCids().contains(diskCid)).findFirst();
  }

  private static <T> Optional<T> read(Path file, Class<T> type) throws IOException {
    try {
      return Optional.of(Json.mapper().readValue(Files.readAllBytes(file), type));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (RuntimeException e) {
      throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return names;
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      entries.forEach(entry -> names.add(entry.getFileName().toString()));
    }
    names.sort(null);
    return names;
  }
}
