package io.lazarus.cpi.local;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.archive.UnsafeArchiveException;
import io.lazarus.core.files.FileTrees;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.vm.AgentSettings;
import io.lazarus.cpi.local.vm.CloudLayout;
import io.lazarus.cpi.local.vm.CloudLocks;
import io.lazarus.cpi.local.vm.CloudRecords;
import io.lazarus.cpi.local.vm.Isolation;
import io.lazarus.cpi.local.vm.IsolationMode;
import io.lazarus.cpi.local.vm.LoopbackAddresses;
import io.lazarus.cpi.local.vm.VmLauncher;
import io.lazarus.cpi.local.vm.VmRecord;
import io.lazarus.cpi.local.vm.VmTree;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local cloud's CPI: this machine is the IaaS (docs/internals/vms.md). Stemcell images are unpacked under
 * {@code <root>/stemcells/<cid>/image/}; a VM is a copy of one under {@code <root>/vms/<cid>/root/} whose first
 * process runs the stemcell's agent, in its own mount and pid namespaces where the host allows, as plain processes
 * otherwise; persistent disks are directories {@code <root>/disks/<cid>/}.
 *
 * <p>Thread-safe, and safe next to other processes on the same root (the console, or this CPI run as an external
 * CPI): calls about one VM are serialized by a lock per VM, VM creation by a lock on the network, disk hand-overs by a
 * lock on the disks.
 */
public final class LocalCpi implements Cpi {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCpi.class);

  private final LocalCpiOptions options;
  private final CloudLayout layout;
  private final CloudRecords records;
  private final CloudLocks locks;
  private final TarballExtractor extractor;
  private final LocalDisks disks;
  private volatile VmLauncher launcher;

  public LocalCpi(Path root) {
    this(LocalCpiOptions.defaults(root));
  }

  public LocalCpi(LocalCpiOptions options) {
    this.options = options;
    this.layout = new CloudLayout(options.root());
    this.records = new CloudRecords(layout);
    this.locks = new CloudLocks(layout);
    this.extractor = new TarballExtractor(options.maxImageBytes());
    this.disks = new LocalDisks(layout, records, locks, options.clock());
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public CpiInfo info() {
    return new CpiInfo(2, List.of("local-tgz"));
  }

  /** The isolation this CPI's VMs get, decided on first use. */
  public IsolationMode mode() {
    return launcher().mode();
  }

  @Override
  public String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException {
    String cid = "sc-" + UUID.randomUUID();
    Path staging = layout.stemcells().resolve("." + cid + ".tmp");
    try {
      extractor.extract(image, staging.resolve("image"), "stemcell image");
      Files.move(staging, layout.stemcells().resolve(cid), StandardCopyOption.ATOMIC_MOVE);
      return cid;
    } catch (UnsafeArchiveException e) {
      throw CpiErrors.cloudError("cannot import stemcell image " + image + ": " + e.getMessage());
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot import stemcell image " + image + ": " + IoErrors.describe(e), true,
          e);
    } finally {
      FileTrees.deleteRecursively(staging);
    }
  }

  @Override
  public void deleteStemcell(String stemcellCid) throws CpiException {
    if (!CloudLayout.isStemcellCid(stemcellCid)) {
      throw CpiErrors.cloudError("'" + stemcellCid + "' is not a local stemcell id");
    }
    try {
      FileTrees.deleteRecursively(layout.stemcells().resolve(stemcellCid));
    } catch (RuntimeException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot delete stemcell " + stemcellCid + ": " + IoErrors.describe(e),
          true, e);
    }
  }

  /** Whether the stemcell's image is present (the local cloud's console and tests look). */
  public boolean hasStemcell(String stemcellCid) {
    return CloudLayout.isStemcellCid(stemcellCid) && Files.isDirectory(layout.stemcellImage(stemcellCid));
  }

  @Override
  public CreatedVm createVm(VmSpec spec) throws CpiException {
    String cid = "vm-" + UUID.randomUUID();
    String what = "cannot create a VM for agent '" + spec.agentId() + "'";
    if (!hasStemcell(spec.stemcellCid())) {
      throw creationFailed(what + ": stemcell '" + spec.stemcellCid() + "' is not in the local cloud at " + layout.root(),
          false);
    }
    VmLauncher vmLauncher = launcher();
    try (CloudLocks.Held network = locks.acquire(CloudLocks.NETWORK)) {
      Optional<String> problem = LoopbackAddresses.problem(spec.networks(), liveIps());
      if (problem.isPresent()) {
        throw creationFailed(what + ": " + problem.get(), false);
      }
      Map<String, Object> settings;
      try {
        settings = AgentSettings.compose(spec.agentId(), cid, spec.networks(), spec.env());
      } catch (IllegalArgumentException e) {
        throw creationFailed(what + ": " + e.getMessage(), false);
      }
      URI mbus = URI.create(String.valueOf(settings.get("mbus")));
      Optional<String> bound = LoopbackAddresses.boundOnThisMachine(mbus.getHost(), mbus.getPort());
      if (bound.isPresent()) {
        throw creationFailed(what + ": " + bound.get(), false);
      }
      new VmBuilder(layout, records, vmLauncher, options).build(cid, spec, settings);
      return new CreatedVm(cid, spec.networks());
    } catch (IOException e) {
      throw creationFailed(what + ": " + IoErrors.describe(e), true);
    }
  }

  @Override
  public void deleteVm(String vmCid) throws CpiException {
    requireVmCid(vmCid);
    try (CloudLocks.Held vm = locks.acquire(CloudLocks.vm(vmCid))) {
      VmRemoval.remove(layout, records, vmCid, options.stopGrace());
    } catch (IOException | RuntimeException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot delete VM " + vmCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  @Override
  public boolean hasVm(String vmCid) throws CpiException {
    requireVmCid(vmCid);
    try {
      return records.vm(vmCid).map(vm -> new VmTree(vm).alive()).orElse(false);
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot read VM " + vmCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  @Override
  public void rebootVm(String vmCid) throws CpiException {
    requireVmCid(vmCid);
    VmLauncher vmLauncher = launcher();
    // The network lock too: while the VM is down its IP must not go to a new VM.
    try (CloudLocks.Held network = locks.acquire(CloudLocks.NETWORK);
        CloudLocks.Held lock = locks.acquire(CloudLocks.vm(vmCid))) {
      VmRecord vm = existing(vmCid);
      new VmTree(vm).stop(options.stopGrace());
      VmLauncher.Started started = vmLauncher.start(vmCid);
      records.save(vm.withProcesses(started.process(), VmBuilder.agentOrNone(started)));
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot reboot VM " + vmCid + ": " + IoErrors.describe(e), true, e);
    }
  }

  @Override
  public void setVmMetadata(String vmCid, Map<String, String> metadata) throws CpiException {
    requireVmCid(vmCid);
    try (CloudLocks.Held lock = locks.acquire(CloudLocks.vm(vmCid))) {
      records.save(existing(vmCid).withMetadata(metadata == null ? Map.of() : metadata));
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot set metadata of VM " + vmCid + ": " + IoErrors.describe(e),
          true, e);
    }
  }

  @Override
  public String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) throws CpiException {
    return disks.create(sizeMb, cloudProperties);
  }

  @Override
  public void deleteDisk(String diskCid) throws CpiException {
    disks.delete(diskCid);
  }

  @Override
  public DiskHint attachDisk(String vmCid, String diskCid) throws CpiException {
    return disks.attach(vmCid, diskCid);
  }

  @Override
  public void detachDisk(String vmCid, String diskCid) throws CpiException {
    disks.detach(vmCid, diskCid);
  }

  @Override
  public boolean hasDisk(String diskCid) throws CpiException {
    return disks.has(diskCid);
  }

  private VmRecord existing(String vmCid) throws IOException, CpiException {
    Optional<VmRecord> vm = records.vm(vmCid);
    if (vm.isEmpty()) {
      throw CpiErrors.vmNotFound(vmCid);
    }
    return vm.get();
  }

  private List<String> liveIps() throws IOException {
    List<String> ips = new ArrayList<>();
    for (VmRecord vm : records.vms()) {
      if (new VmTree(vm).alive()) {
        ips.addAll(vm.ips());
      }
    }
    return ips;
  }

  private VmLauncher launcher() {
    VmLauncher current = launcher;
    if (current == null) {
      synchronized (this) {
        if (launcher == null) {
          launcher = new VmLauncher(layout, isolation(), options.javaBinary(), options.agentStartTimeout());
        }
        current = launcher;
      }
    }
    return current;
  }

  private Isolation isolation() {
    if (options.forcePlain()) {
      return Isolation.plain("plain mode was asked for");
    }
    try {
      Files.createDirectories(layout.root());
    } catch (IOException e) {
      return Isolation.plain("cannot create the cloud root " + layout.root() + ": " + e.getMessage());
    }
    Isolation isolation = Isolation.probe(layout.root());
    if (isolation.mode() == IsolationMode.PLAIN) {
      LOG.warn("Local cloud at {}: VMs run as plain processes (no namespaces) because {}", layout.root(),
          isolation.reason());
    }
    return isolation;
  }

  static void requireVmCid(String vmCid) throws CpiException {
    if (!CloudLayout.isVmCid(vmCid)) {
      throw CpiErrors.cloudError("'" + vmCid + "' is not a local VM id");
    }
  }

  private static CpiException creationFailed(String message, boolean okToRetry) {
    return new CpiException(CpiErrors.VM_CREATION_FAILED, message, okToRetry);
  }
}
