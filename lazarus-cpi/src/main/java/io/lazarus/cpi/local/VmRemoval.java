package io.lazarus.cpi.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.cpi.local.vm.CloudLayout;
import io.lazarus.cpi.local.vm.CloudRecords;
import io.lazarus.cpi.local.vm.VmRecord;
import io.lazarus.cpi.local.vm.VmTree;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;

/** Ends a VM's processes and removes its directory; the caller holds the VM's lock. A missing VM is fine. */
final class VmRemoval {
  private VmRemoval() {}

  static void remove(CloudLayout layout, CloudRecords records, String cid, Duration grace) throws IOException {
    Optional<VmRecord> vm = records.vm(cid);
    if (vm.isPresent()) {
      new VmTree(vm.get()).stop(grace);
    }
    // The record goes first, so nobody lists a VM whose directory is half gone.
    Files.deleteIfExists(layout.vmRecord(cid));
    FileTrees.deleteRecursively(layout.vm(cid));
  }
}
