package io.lazarus.agent;

import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.blobstore.Blobstores;
import io.lazarus.agent.blobstore.LocalBlobstore;
import io.lazarus.agent.boot.JobsAtBoot;
import io.lazarus.agent.compile.PackageCompiler;
import io.lazarus.agent.disk.DiskManager;
import io.lazarus.agent.disk.Mounter;
import io.lazarus.agent.heartbeat.AlertRaiser;
import io.lazarus.agent.heartbeat.HeartbeatFactory;
import io.lazarus.agent.heartbeat.HeartbeatLoop;
import io.lazarus.agent.heartbeat.VitalsCollector;
import io.lazarus.agent.install.Applier;
import io.lazarus.agent.install.InstalledJobs;
import io.lazarus.agent.install.JobInstaller;
import io.lazarus.agent.install.PackageInstaller;
import io.lazarus.agent.install.SpecStore;
import io.lazarus.agent.install.VerifiedDownload;
import io.lazarus.agent.jobs.JobScripts;
import io.lazarus.agent.jobs.LastJobCommandFile;
import io.lazarus.agent.logs.LogBundler;
import io.lazarus.agent.logs.LogTail;
import io.lazarus.agent.rpc.AgentTasks;
import io.lazarus.agent.rpc.Dispatcher;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.methods.ApplyMethods;
import io.lazarus.agent.rpc.methods.BasicMethods;
import io.lazarus.agent.rpc.methods.BlobMethods;
import io.lazarus.agent.rpc.methods.CompileMethods;
import io.lazarus.agent.rpc.methods.DiskMethods;
import io.lazarus.agent.rpc.methods.JobMethods;
import io.lazarus.agent.rpc.methods.LogMethods;
import io.lazarus.agent.rpc.methods.SettingsMethods;
import io.lazarus.agent.rpc.methods.StateMethods;
import io.lazarus.agent.rpc.methods.TaskMethods;
import io.lazarus.agent.settings.Settings;
import io.lazarus.agent.settings.SettingsException;
import io.lazarus.agent.settings.SettingsStore;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.supervisor.SupervisorListener;
import io.lazarus.agent.transport.HeartbeatSender;
import io.lazarus.agent.transport.RpcServer;
import io.lazarus.agent.transport.https.BasicAuth;
import io.lazarus.agent.transport.https.HttpsHeartbeatSender;
import io.lazarus.agent.transport.https.HttpsRpcServer;
import io.lazarus.core.tls.TlsContexts;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running agent: settings read, supervisor made, the RPC transport answering, heartbeats going. Built and
 * started by {@link #start}; IMPORTANT: must be closed, which stops everything it started, in reverse order.
 */
public final class Agent implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Agent.class);

  /** What differs between production and tests. */
  public record Options(Clock clock, Mounter mounter, int heartbeatAttempts, Duration heartbeatRetryDelay) {
    public static Options production() {
      return new Options(Clock.systemUTC(), io.lazarus.agent.disk.MountNamespace.chooseMounter(), 3, Duration.ofSeconds(1));
    }
  }

  private final Deque<AutoCloseable> resources = new ArrayDeque<>();
  private HttpsRpcServer rpcServer;

  private Agent() {}

  /** Starts an agent for the VM at {@code paths}; on failure closes what was started and throws. */
  public static Agent start(AgentPaths paths, JobSupervisorFactory supervisors, Options options) throws IOException {
    Agent agent = new Agent();
    try {
      agent.startUp(paths, supervisors, options);
      return agent;
    } catch (IOException | RuntimeException e) {
      agent.close();
      throw e;
    }
  }

  private void startUp(AgentPaths paths, JobSupervisorFactory supervisors, Options options) throws IOException {
    SettingsStore settingsStore = new SettingsStore(paths.settingsFile());
    Settings settings = settingsStore.load();
    for (var dir : java.util.List.of(paths.bosh().resolve("log"), paths.localBlobs(), paths.tmp(), paths.sysLog(), paths.sysRun(), paths.jobs(), paths.packages())) {
      Files.createDirectories(dir);
    }

    Optional<HeartbeatSender> sender = settings.heartbeat()
        .map(hb -> new HttpsHeartbeatSender(hb, settings.agentId(), options.heartbeatAttempts(), options.heartbeatRetryDelay()));
    sender.ifPresent(resources::push);

    // Without a heartbeat receiver there is nobody to alert: the supervisor gets a listener that ignores events.
    SupervisorListener listener = sender.<SupervisorListener>map(s -> new AlertRaiser(s, options.clock(), () -> settingsStore.load().ips()))
        .orElseGet(() -> new SupervisorListener() {});
    JobSupervisor supervisor = supervisors.create(paths, listener);
    resources.push(supervisor);

    AgentTasks tasks = new AgentTasks();
    resources.push(tasks);

    Blobstore blobstore = Blobstores.from(settings, paths);
    resources.push(blobstore);
    SpecStore specs = new SpecStore(paths.specFile());
    VerifiedDownload download = new VerifiedDownload(blobstore, paths.tmp());
    PackageInstaller packages = new PackageInstaller(paths, download);
    DiskManager disks = new DiskManager(paths, settingsStore, options.mounter());
    VitalsCollector vitals = VitalsCollector.forThisMachine(paths, disks::storeMounted);
    LastJobCommandFile lastJobCommand = new LastJobCommandFile(paths.lastJobCommandFile());
    // Before the Director can reach the agent and before the first heartbeat, so both see the jobs as they are.
    new JobsAtBoot(specs, new InstalledJobs(paths), lastJobCommand, disks, supervisor).bringBack();

    MethodRegistry registry = new MethodRegistry();
    BasicMethods.register(registry);
    new TaskMethods(tasks).register(registry);
    new StateMethods(settingsStore, specs, supervisor, vitals).register(registry);
    new ApplyMethods(new Applier(paths, packages, new JobInstaller(paths, download), specs, supervisor, lastJobCommand)).register(registry);
    new JobMethods(supervisor, new JobScripts(paths), specs, sender, lastJobCommand).register(registry);
    new DiskMethods(disks, settingsStore).register(registry);
    new SettingsMethods(paths.updateSettingsFile()).register(registry);
    new CompileMethods(new PackageCompiler(paths, download, packages, blobstore)).register(registry);
    new LogMethods(new LogBundler(paths, blobstore), new LogTail(paths)).register(registry);
    new BlobMethods(blobstore, paths.tmp()).register(registry);

    rpcServer = httpsServer(settings, paths);
    resources.push(rpcServer);
    rpcServer.start(new Dispatcher(registry, tasks)::handle);

    if (sender.isPresent()) {
      HeartbeatLoop heartbeats = new HeartbeatLoop(new HeartbeatFactory(specs, supervisor, vitals), sender.get(),
          Duration.ofSeconds(settings.heartbeat().orElseThrow().intervalSeconds()));
      resources.push(heartbeats);
      heartbeats.start();
    } else {
      log.warn("settings.json has no 'heartbeat': this agent sends no heartbeats");
    }
    log.info("agent {} started, {} ms after its process (VCAP_ROOT {}, {} mode)", settings.agentId(),
        ProcessHandle.current().info().startInstant().map(t -> Duration.between(t, options.clock().instant()).toMillis()).orElse(-1L),
        paths.root(), paths.plainMode() ? "plain" : "standard");
  }

  private static HttpsRpcServer httpsServer(Settings settings, AgentPaths paths) {
    Settings.Mbus mbus = settings.mbus();
    Settings.TlsMaterial tls = mbus.tls().orElseThrow(() ->
        new SettingsException("settings.json: 'env.bosh.mbus.cert' is missing; the HTTPS mbus needs a certificate and key"));
    return new HttpsRpcServer(
        new InetSocketAddress(mbus.url().getHost(), mbus.url().getPort()),
        TlsContexts.server(tls.certificate(), tls.privateKey(), "env.bosh.mbus.cert"),
        new BasicAuth(mbus.user(), mbus.password()),
        new LocalBlobstore(paths.localBlobs()));
  }

  /** The port the RPC transport listens on. */
  public int rpcPort() {
    return rpcServer.port();
  }

  @Override
  public void close() {
    while (!resources.isEmpty()) {
      AutoCloseable resource = resources.pop();
      try {
        resource.close();
      } catch (Exception e) {
        log.warn("closing {} failed", resource.getClass().getSimpleName(), e);
      }
    }
  }
}
