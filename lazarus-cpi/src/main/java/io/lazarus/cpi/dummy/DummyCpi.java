package io.lazarus.cpi.dummy;

import io.lazarus.core.tls.TlsContexts;
import io.lazarus.core.tls.TlsException;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.VmSpec;
import io.lazarus.cpi.local.vm.AgentSettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.SSLContext;

/**
 * The {@code dummy} CPI: every VM is an in-process {@link SimulatedAgent} answering BOSH's agent protocol over
 * HTTPS on the IP {@code create_vm}'s default network gives it, with the certificate and credentials of
 * {@code env.bosh.mbus}, so the Director deploys onto it exactly as onto real VMs. Stemcells, VMs and disks are
 * records in memory; nothing survives {@link #close()}. For tests and benchmarks of thousands of VMs on one machine.
 *
 * <p>Failures are named inputs: {@link #failNext(String, String)} makes the next call of a CPI method fail,
 * {@link #loseDisk(String)} loses a disk, {@link #meetNext} makes calls wait for each other (to show they run at
 * once), and {@link #agentFor(String)} gives a VM's agent, whose own {@code failNext}, {@code silence} and
 * {@code pause} act on the agent.
 *
 * <p>Thread-safe. IMPORTANT: must be closed; closing stops every VM's agent.
 */
public final class DummyCpi implements Cpi, AutoCloseable {
  static final int DEFAULT_MBUS_PORT = 6868;
  private static final Duration BLOBSTORE_CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final ExecutorService executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("dummy-agent-", 0).factory());
  private final Map<String, HttpClient> blobClients = new ConcurrentHashMap<>();
  private final SimulatedAgent.Runtime runtime = new SimulatedAgent.Runtime(executor, this::blobClient);
  private final Set<String> stemcells = ConcurrentHashMap.newKeySet();
  private final Map<String, DummyVm> vms = new ConcurrentHashMap<>();
  private final Map<String, String> ipsInUse = new ConcurrentHashMap<>();
  private final Map<String, DummyDisk> disks = new ConcurrentHashMap<>();
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<String, Meeting> meetings = new ConcurrentHashMap<>();

  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public CpiInfo info() throws CpiException {
    injected("info");
    return new CpiInfo(2, List.of("local-tgz", "dummy"));
  }

  /** Makes the next call of CPI method {@code method} (BOSH's name, e.g. {@code create_vm}) fail with a CloudError. */
  public void failNext(String method, String message) {
    failures.put(method, message);
  }

  /** {@link #failNext(String, String)} with the message "injected failure of METHOD". */
  public void failNext(String method) {
    failNext(method, "injected failure of " + method);
  }

  /**
   * Makes the next {@code calls} calls of CPI method {@code method} wait for each other: none goes on before all have
   * come, and one that waits longer than {@code patience} fails with a CloudError saying how many came.
   */
  public void meetNext(String method, int calls, Duration patience) {
    meetings.put(method, new Meeting(method, calls, patience));
  }

  /**
   * Loses disk {@code diskCid}, as an IaaS might, even while it is attached: {@code has_disk} says no from now on,
   * while the agent of the VM it was attached to still lists it as mounted (its device broke under it).
   */
  public void loseDisk(String diskCid) {
    disks.remove(diskCid);
  }

  /** The agent of VM {@code vmCid}. */
  public SimulatedAgent agentFor(String vmCid) {
    return Optional.ofNullable(vms.get(vmCid)).map(DummyVm::agent).orElseThrow(() -> new IllegalArgumentException("no dummy VM " + vmCid));
  }

  /** The cids of the VMs that exist now. */
  public Set<String> vmCids() {
    return Set.copyOf(vms.keySet());
  }

  /** The cids of the stemcells that exist now. */
  public Set<String> stemcellCids() {
    return Set.copyOf(stemcells);
  }

  /** The metadata last set on VM {@code vmCid}. */
  public Map<String, String> metadataOf(String vmCid) {
    return Optional.ofNullable(vms.get(vmCid)).map(DummyVm::metadata).orElseThrow(() -> new IllegalArgumentException("no dummy VM " + vmCid));
  }

  @Override
  public String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException {
    injected("create_stemcell");
    String cid = "sc-" + UUID.randomUUID();
    stemcells.add(cid);
    return cid;
  }

  @Override
  public void deleteStemcell(String stemcellCid) throws CpiException {
    injected("delete_stemcell");
    stemcells.remove(stemcellCid);
  }

  @Override
  public CreatedVm createVm(VmSpec spec) throws CpiException {
    injected("create_vm");
    String what = "cannot create a VM for agent '" + spec.agentId() + "'";
    if (!stemcells.contains(spec.stemcellCid())) {
      throw creationFailed(what + ": stemcell '" + spec.stemcellCid() + "' is not in the dummy cloud");
    }
    String cid = "vm-" + UUID.randomUUID();
    Map<String, Object> settings;
    URI mbusUrl;
    SSLContext tls;
    String user;
    String password;
    try {
      user = mbusText(spec.env(), "user");
      password = mbusText(spec.env(), "password");
      settings = AgentSettings.compose(spec.agentId(), cid, spec.networks(), spec.env());
      mbusUrl = URI.create(String.valueOf(settings.get("mbus")));
      tls = TlsContexts.server(mbusText(spec.env(), "cert", "certificate"), mbusText(spec.env(), "cert", "private_key"), "env.bosh.mbus.cert");
    } catch (IllegalArgumentException | TlsException e) {
      throw creationFailed(what + ": " + e.getMessage());
    }
    String ip = mbusUrl.getHost();
    if (ipsInUse.putIfAbsent(ip, cid) != null) {
      throw creationFailed(what + ": IP " + ip + " is used by VM " + ipsInUse.get(ip));
    }
    int port = mbusUrl.getPort() < 0 ? DEFAULT_MBUS_PORT : mbusUrl.getPort();
    MbusServer mbus = new MbusServer(new InetSocketAddress(ip, port), tls, user, password, executor);
    SimulatedAgent agent = new SimulatedAgent(spec.agentId(), cid, settings, mbus, runtime);
    try {
      agent.start();
    } catch (IOException e) {
      ipsInUse.remove(ip, cid);
      throw new CpiException(CpiErrors.VM_CREATION_FAILED, what + ": cannot serve its agent on " + ip + ":" + port + ": " + e.getMessage(), true, e);
    }
    vms.put(cid, new DummyVm(cid, ip, agent, Map.of()));
    return new CreatedVm(cid, spec.networks());
  }

  @Override
  public void deleteVm(String vmCid) throws CpiException {
    injected("delete_vm");
    DummyVm vm = vms.remove(vmCid);
    if (vm == null) {
      return;
    }
    vm.agent().stop();
    ipsInUse.remove(vm.ip(), vmCid);
    disks.replaceAll((cid, disk) -> vmCid.equals(disk.attachedTo()) ? disk.attachedTo(null) : disk);
  }

  @Override
  public boolean hasVm(String vmCid) throws CpiException {
    injected("has_vm");
    return vms.containsKey(vmCid);
  }

  @Override
  public void rebootVm(String vmCid) throws CpiException {
    injected("reboot_vm");
    try {
      existing(vmCid).agent().reboot();
    } catch (IOException e) {
      throw new CpiException(CpiErrors.CLOUD_ERROR, "cannot restart the agent of VM " + vmCid + ": " + e.getMessage(), true, e);
    }
  }

  @Override
  public void setVmMetadata(String vmCid, Map<String, String> metadata) throws CpiException {
    injected("set_vm_metadata");
    DummyVm vm = existing(vmCid);
    vms.replace(vmCid, vm, vm.withMetadata(metadata == null ? Map.of() : metadata));
  }

  @Override
  public String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) throws CpiException {
    injected("create_disk");
    String cid = "disk-" + UUID.randomUUID();
    disks.put(cid, new DummyDisk(cid, sizeMb, cloudProperties == null ? Map.of() : Map.copyOf(cloudProperties), null));
    return cid;
  }

  @Override
  public void deleteDisk(String diskCid) throws CpiException {
    injected("delete_disk");
    DummyDisk disk = disks.get(diskCid);
    if (disk == null) {
      throw CpiErrors.diskNotFound(diskCid); // as an IaaS answers, so a lost disk's deletion takes the Director's DiskNotFound path
    }
    if (disk.attachedTo() != null) {
      throw CpiErrors.cloudError("disk " + diskCid + " is attached to VM " + disk.attachedTo() + "; detach it first");
    }
    disks.remove(diskCid);
  }

  @Override
  public synchronized DiskHint attachDisk(String vmCid, String diskCid) throws CpiException {
    injected("attach_disk");
    DummyVm vm = existing(vmCid);
    DummyDisk disk = Optional.ofNullable(disks.get(diskCid)).orElseThrow(() -> CpiErrors.diskNotFound(diskCid));
    if (disk.attachedTo() != null && !disk.attachedTo().equals(vmCid)) {
      throw CpiErrors.cloudError("disk " + diskCid + " is attached to VM " + disk.attachedTo() + ", not to " + vmCid);
    }
    disks.put(diskCid, disk.attachedTo(vmCid));
    vm.agent().setPersistentDisk(diskCid, disk.hint());
    return new DiskHint(disk.hint());
  }

  @Override
  public synchronized void detachDisk(String vmCid, String diskCid) throws CpiException {
    injected("detach_disk");
    DummyDisk disk = disks.get(diskCid);
    if (disk == null || !vmCid.equals(disk.attachedTo())) {
      return;
    }
    disks.put(diskCid, disk.attachedTo(null));
    Optional.ofNullable(vms.get(vmCid)).ifPresent(vm -> vm.agent().setPersistentDisk(diskCid, null));
  }

  @Override
  public boolean hasDisk(String diskCid) throws CpiException {
    injected("has_disk");
    return disks.containsKey(diskCid);
  }

  /** Stops every VM's agent and forgets the cloud. */
  @Override
  public void close() {
    vms.values().forEach(vm -> vm.agent().stop());
    vms.clear();
    ipsInUse.clear();
    executor.shutdownNow();
    blobClients.values().forEach(HttpClient::close);
  }

  private DummyVm existing(String vmCid) throws CpiException {
    DummyVm vm = vms.get(vmCid);
    if (vm == null) {
      throw CpiErrors.vmNotFound(vmCid);
    }
    return vm;
  }

  private void injected(String method) throws CpiException {
    String message = failures.remove(method);
    if (message != null) {
      throw CpiErrors.cloudError(message);
    }
    Meeting meeting = meetings.get(method);
    if (meeting != null && !meeting.attend()) {
      meetings.remove(method, meeting);
    }
  }

  /** One client per blobstore CA, shared by the agents: they all talk to the same Director. */
  private HttpClient blobClient(String caPem) {
    return blobClients.computeIfAbsent(caPem, ca -> {
      HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(BLOBSTORE_CONNECT_TIMEOUT).executor(executor);
      if (!ca.isBlank()) {
        builder.sslContext(TlsContexts.trusting(ca, "blobstore CA"));
      }
      return builder.build();
    });
  }

  private static String mbusText(Map<String, Object> env, String... path) {
    Object current = env;
    StringBuilder where = new StringBuilder("env.bosh.mbus");
    for (String key : List.of("bosh", "mbus")) {
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
    }
    for (String key : path) {
      where.append('.').append(key);
      current = current instanceof Map<?, ?> map ? map.get(key) : null;
    }
    if (!(current instanceof String text) || text.isBlank()) {
      throw new IllegalArgumentException(where + " is missing: the dummy CPI's agents serve HTTPS with the Director's credentials and certificate");
    }
    return text;
  }

  private static CpiException creationFailed(String message) {
    return new CpiException(CpiErrors.VM_CREATION_FAILED, message, false);
  }
}
