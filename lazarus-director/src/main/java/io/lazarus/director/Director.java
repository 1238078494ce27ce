package io.lazarus.director;

import io.lazarus.core.archive.TarballExtractor;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import io.lazarus.cpi.Cpi;
import io.lazarus.core.time.Sleeper;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentTransport;
import io.lazarus.director.agent.HttpsAgentTransport;
import io.lazarus.director.api.ApiServer;
import io.lazarus.director.api.EventRoutes;
import io.lazarus.director.api.InfoRoutes;
import io.lazarus.director.api.LockRoutes;
import io.lazarus.director.api.ResurrectionRoutes;
import io.lazarus.director.api.Routes;
import io.lazarus.director.api.TaskRoutes;
import io.lazarus.director.api.UploadReceiver;
import io.lazarus.director.attributes.DirectorAttributes;
import io.lazarus.director.auth.Authenticator;
import io.lazarus.director.auth.LocalUsers;
import io.lazarus.director.auth.UaaTokens;
import io.lazarus.director.blobstore.AgentBlobCredentials;
import io.lazarus.director.blobstore.AgentBlobRoutes;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.cloudcheck.ApplyResolutionsJob;
import io.lazarus.director.cloudcheck.CloudCheckRoutes;
import io.lazarus.director.cloudcheck.CloudCheckServices;
import io.lazarus.director.cloudcheck.Problems;
import io.lazarus.director.cloudcheck.ScanAndFixJob;
import io.lazarus.director.cloudcheck.ScanJob;
import io.lazarus.director.configs.ConfigRoutes;
import io.lazarus.director.configs.Configs;
import io.lazarus.director.cpis.CpiConfig;
import io.lazarus.director.cpis.CpiConfigCheck;
import io.lazarus.director.cpis.CpiFactory;
import io.lazarus.director.cpis.Cpis;
import io.lazarus.director.db.Database;
import io.lazarus.director.deployments.DeleteDeploymentJob;
import io.lazarus.director.cleanup.ArtifactDeleters;
import io.lazarus.director.cleanup.CleanupArtifactsJob;
import io.lazarus.director.cleanup.CleanupPicker;
import io.lazarus.director.cleanup.CleanupRoutes;
import io.lazarus.director.disks.DeleteOrphanDisksJob;
import io.lazarus.director.disks.DiskRoutes;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.events.Events;
import io.lazarus.director.deploy.AgentEnvironment;
import io.lazarus.director.deploy.CompiledPackages;
import io.lazarus.director.deploy.DeployJob;
import io.lazarus.director.deploy.DeployRoutes;
import io.lazarus.director.deploy.DeployServices;
import io.lazarus.director.deploy.HeartbeatSettings;
import io.lazarus.director.deploy.InstanceActionJob;
import io.lazarus.director.deploy.InstanceActionRoutes;
import io.lazarus.director.deploy.InstanceDeleter;
import io.lazarus.director.deploy.InstanceRecreator;
import io.lazarus.director.deploy.InstanceStateRoutes;
import io.lazarus.director.deploy.UpdateDeploymentJobs;
import io.lazarus.director.deploy.VmCreator;
import io.lazarus.director.templates.TemplateRenderer;
import io.lazarus.director.healthmonitor.DecisionRoutes;
import io.lazarus.director.healthmonitor.HealthMonitorClient;
import io.lazarus.director.instances.InstanceRoutes;
import io.lazarus.director.instances.IpAddresses;
import io.lazarus.director.instances.OrphanDisks;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.PersistentDisks;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.VmStateJob;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.locks.Locks;
import io.lazarus.director.ops.FetchLogsJob;
import io.lazarus.director.ops.LogRoutes;
import io.lazarus.director.ops.LogTailRoutes;
import io.lazarus.director.releases.DeleteReleaseJob;
import io.lazarus.director.releases.PackageMatchRoutes;
import io.lazarus.director.releases.ReleaseRoutes;
import io.lazarus.director.releases.Releases;
import io.lazarus.director.releases.UploadReleaseJob;
import io.lazarus.director.resurrection.ResurrectionPause;
import io.lazarus.director.stemcells.DeleteStemcellJob;
import io.lazarus.director.stemcells.StemcellRoutes;
import io.lazarus.director.stemcells.Stemcells;
import io.lazarus.director.stemcells.UploadStemcellJob;
import io.lazarus.director.store.DirectorIdentity;
import io.lazarus.director.store.StoreLayout;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobRegistry;
import io.lazarus.director.tasks.TaskOutputs;
import io.lazarus.director.tasks.TaskQueue;
import io.lazarus.director.tasks.TaskRepository;
import io.lazarus.director.tasks.TaskRunner;
import io.lazarus.director.tls.AgentCertificateAuthority;
import io.lazarus.director.tls.CertificateAuthority;
import io.lazarus.director.tls.TlsMaterial;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Director: store, database, task workers and the HTTPS API, started from a {@link DirectorConfig}.
 *
 * <p>Starting recovers from an unclean stop: tasks left processing end as error "director restarted", every lock
 * is released, and uploads of tasks that will never run are deleted. IMPORTANT: must be closed; {@link #close()}
 * stops the API, then the workers, then the database.
 */
public final class Director implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Director.class);

  private final DirectorServices services;
  private final ApiServer api;
  private final URI url;
  private final Path envFile;
  private final CountDownLatch closed = new CountDownLatch(1);

  private Director(DirectorServices services, ApiServer api, URI url, Path envFile) {
    this.services = services;
    this.api = api;
    this.url = url;
    this.envFile = envFile;
  }

  public static Director start(DirectorConfig config) throws IOException {
    return start(config, Clock.systemUTC());
  }

  public static Director start(DirectorConfig config, Clock clock) throws IOException {
    StoreLayout store = new StoreLayout(config.store());
    store.create();
    DirectorIdentity identity = DirectorIdentity.loadOrCreate(store.identityFile(), config.name());
    TlsMaterial tls =
        config.tls().isPresent()
            ? TlsMaterial.load(config.tls().get().certificate(), config.tls().get().privateKey(), config.tls().get().ca())
            : CertificateAuthority.loadOrGenerate(store.tls(), config.address());
    Database database = Database.open(config.databaseConfig());
    DirectorServices services = null;
    try {
      services = DirectorServices.create(config, store, identity, database, java.nio.file.Files.readString(tls.caFile()), clock);
      services.recoverFromRestart();
      Authenticator authenticator = authenticator(config, identity, clock);
      ApiServer api = new ApiServer(config.address(), config.port(), tls, authenticator, routes(services, authenticator)).start();
      URI url = URI.create("https://" + hostForUrl(config.address()) + ":" + api.port());
      services.url().set(url);
      services.runner().start();
      Path envFile = writeEnvFile(store, url, tls, config);
      LOG.info("director '{}' ({}) listening on {} with store {}", identity.name(), identity.uuid(), url, store.root());
      return new Director(services, api, url, envFile);
    } catch (RuntimeException | IOException e) {
      if (services != null) {
        services.runner().close();
        services.cpis().close();
      }
      database.close();
      throw e;
    }
  }

  private static Authenticator authenticator(DirectorConfig config, DirectorIdentity identity, Clock clock) {
    DirectorConfig.UserManagement users = config.userManagement();
    if (users.uaa().isPresent()) {
      DirectorConfig.Uaa uaa = users.uaa().get();
      return new UaaTokens(uaa.url(), uaa.issuer(), uaa.jwksUrl(), identity.uuid());
    }
    return new LocalUsers(users.users(), clock);
  }

  private static List<Routes> routes(DirectorServices services, Authenticator authenticator) {
    List<Routes> routes = new ArrayList<>();
    routes.add(new InfoRoutes(services.identity(), Version.current(), services.cpi().name(), authenticator));
    routes.add(new TaskRoutes(services.tasks(), services.outputs()));
    routes.add(new LockRoutes(services.locks()));
    routes.add(new EventRoutes(services.events(), services.clock()));
    routes.add(new ConfigRoutes(services.configs(), services.events(), new CpiConfigCheck(services.cpis().defaultName(), services.cpis()::storedConfigs)));
    routes.add(new ResurrectionRoutes(services.resurrectionPause(), services.config().scanAndFix(), services.events(), services.clock()));
    UploadReceiver uploads = new UploadReceiver(services.store().uploads(), services.config().maxUploadBytes());
    routes.add(new StemcellRoutes(services.stemcells(), services.cpis(), services.deployments(), uploads, services.queue()));
    routes.add(new ReleaseRoutes(services.releases(), services.deployments(), uploads, services.queue()));
    routes.add(new PackageMatchRoutes(services.releases()));
    routes.add(new DeploymentRoutes(services.deployments(), services.configs(), services.locks(), services.queue()));
    routes.add(new DeployRoutes(services.deployments(), services.configs(), services.queue()));
    routes.add(new InstanceRoutes(services.deployments(), services.instances(), services.vms(), services.persistentDisks(), services.events(), services.queue()));
    routes.add(new DiskRoutes(services.orphanDisks(), services.persistentDisks(), services.queue()));
    routes.add(new CleanupRoutes(services.cleanupPicker(), services.deployments(), services.queue()));
    routes.add(new DecisionRoutes(services.deployments(), new HealthMonitorClient(services.config().healthMonitor().flatMap(HealthMonitorConfig::apiUrl))));
    routes.add(new InstanceStateRoutes(services.deployments(), services.instances(), services.queue()));
    routes.add(new InstanceActionRoutes(services.deployments(), services.instances(), services.queue()));
    routes.add(new CloudCheckRoutes(services.cloudCheck(), services.resurrectionPause(), services.queue()));
    routes.add(new LogRoutes(services.deployments(), services.instances(), services.vms(), services.blobstore(), services.queue()));
    routes.add(new LogTailRoutes(services.deployments(), services.instances(), services.vms(), services::agent));
    routes.add(new AgentBlobRoutes(services.blobstore(), services.agentBlobCredentials(), services.config().maxUploadBytes()));
    return routes;
  }

  private static String hostForUrl(String address) {
    if (address.equals("0.0.0.0")) {
      return "127.0.0.1";
    }
    return address.contains(":") ? "[" + address + "]" : address;
  }

  /** env.json: where the Director is and how to log in, readable by the owner only. */
  private static Path writeEnvFile(StoreLayout store, URI url, TlsMaterial tls, DirectorConfig config) throws IOException {
    Map<String, Object> env = new LinkedHashMap<>();
    env.put("url", url.toString());
    env.put("ca_cert", tls.caFile().toAbsolutePath().toString());
    config.userManagement().envCredentials().ifPresent(credentials -> {
      env.put("client", credentials.client());
      env.put("client_secret", credentials.clientSecret());
    });
    Path file = store.envFile();
    FileTrees.writeAtomically(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(env).getBytes(), PosixFilePermissions.fromString("rw-------"));
    return file;
  }

  public URI url() {
    return url;
  }

  public Path envFile() {
    return envFile;
  }

  /** The Director's parts, for tests and in-process tools. */
  public DirectorServices services() {
    return services;
  }

  /** Blocks until {@link #close()} was called. */
  public void awaitTermination() throws InterruptedException {
    closed.await();
  }

  @Override
  public void close() {
    if (closed.getCount() == 0) {
      return;
    }
    try {
      api.close();
      services.runner().close();
      services.templateRenderer().close();
      services.cpis().close();
      services.database().close();
    } finally {
      closed.countDown();
    }
  }

  /** The collaborators of a Director, built once per start. */
  public record DirectorServices(
      DirectorConfig config,
      StoreLayout store,
      DirectorIdentity identity,
      Database database,
      Clock clock,
      TaskRepository tasks,
      TaskOutputs outputs,
      JobRegistry jobs,
      TaskRunner runner,
      TaskQueue queue,
      Locks locks,
      Events events,
      Configs configs,
      ResurrectionPause resurrectionPause,
      Blobstore blobstore,
      AgentBlobCredentials agentBlobCredentials,
      AgentCertificateAuthority agentsCa,
      Cpis cpis,
      Stemcells stemcells,
      Releases releases,
      Deployments deployments,
      Instances instances,
      Vms vms,
      PersistentDisks persistentDisks,
      OrphanDisks orphanDisks,
      IpAddresses ipAddresses,
      AgentTransport agentTransport,
      TemplateRenderer templateRenderer,
      String directorCaPem,
      AtomicReference<URI> url) {

    static DirectorServices create(DirectorConfig config, StoreLayout store, DirectorIdentity identity, Database database, String directorCaPem, Clock clock) throws IOException {
      TaskRepository tasks = new TaskRepository(database.jdbi(), clock);
      TaskOutputs outputs = new TaskOutputs(store.tasks());
      JobRegistry jobs = new JobRegistry();
      TaskRunner runner = new TaskRunner(tasks, outputs, jobs, clock, config.workers());
      AgentCertificateAuthority agentsCa = AgentCertificateAuthority.loadOrGenerate(store.tls(), clock);
      Configs configs = new Configs(database.jdbi(), clock);
      Cpis cpis = new Cpis(config.cpi().create(store.localCloud(), identity.uuid()), () -> configs.list(CpiConfig.TYPE, null, true, Integer.MAX_VALUE),
          new CpiFactory(store.localClouds(), identity.uuid())::create);
      DirectorServices services = new DirectorServices(
          config,
          store,
          identity,
          database,
          clock,
          tasks,
          outputs,
          jobs,
          runner,
          new TaskQueue(tasks, runner),
          new Locks(database.jdbi(), clock),
          new Events(database.jdbi(), clock),
          configs,
          new ResurrectionPause(new DirectorAttributes(database.jdbi()), clock),
          new Blobstore(store.blobstore()),
          AgentBlobCredentials.loadOrCreate(store.agentBlobCredentials()),
          agentsCa,
          cpis,
          new Stemcells(database.jdbi(), clock),
          new Releases(database.jdbi(), clock),
          new Deployments(database.jdbi(), clock),
          new Instances(database.jdbi(), clock),
          new Vms(database.jdbi(), clock),
          new PersistentDisks(database.jdbi(), clock),
          new OrphanDisks(database.jdbi(), clock),
          new IpAddresses(database.jdbi(), clock),
          new HttpsAgentTransport(agentsCa.caCertificate()),
          new TemplateRenderer(),
          directorCaPem,
          new AtomicReference<>());
      services.registerJobs();
      return services;
    }

    /** The Director's own CPI (director.yml's {@code cpi}); {@link #cpis()} holds every CPI. */
    public Cpi cpi() {
      return cpis.defaultCpi();
    }

    /** A client for the agent on {@code vm}, replying as this Director. */
    public AgentClient agent(Vm vm) {
      return new AgentClient(agentTransport, vm.endpoint(), identity.uuid(), Sleeper.system(), clock);
    }

    private void registerJobs() {
      TarballExtractor extractor = new TarballExtractor(unpackLimit(config.maxUploadBytes()));
      jobs.register(UploadStemcellJob.TYPE, UploadStemcellJob.factory(new UploadStemcellJob.Services(stemcells, cpis, locks, events, extractor)));
      jobs.register(DeleteStemcellJob.TYPE, DeleteStemcellJob.factory(stemcells, deployments, cpis, locks, events, new CompiledPackages(database.jdbi(), clock), blobstore));
      jobs.register(UploadReleaseJob.TYPE, UploadReleaseJob.factory(new UploadReleaseJob.Services(releases, blobstore, locks, events, extractor)));
      jobs.register(DeleteReleaseJob.TYPE, DeleteReleaseJob.factory(releases, deployments, blobstore, locks, events));
      DeployServices deploy = deployServices();
      jobs.register(DeployJob.TYPE, UpdateDeploymentJobs.factory(deploy));
      jobs.register(InstanceActionJob.TYPE, InstanceActionJob.factory(deploy));
      jobs.register(FetchLogsJob.TYPE, FetchLogsJob.factory(new FetchLogsJob.Services(deployments, instances, vms, blobstore, this::agent, store.uploads(), clock)));
      jobs.register(VmStateJob.TYPE, VmStateJob.factory(new VmStateJob.Services(deployments, instances, vms, persistentDisks, this::agent)));
      jobs.register(DeleteDeploymentJob.TYPE, DeleteDeploymentJob.factory(deployments, instances, deploy.instanceDeleter(), locks, events));
      jobs.register(DeleteOrphanDisksJob.TYPE, DeleteOrphanDisksJob.factory(orphanDisks, cpis, events));
      jobs.register(CleanupArtifactsJob.TYPE, CleanupArtifactsJob.factory(cleanupPicker(), artifactDeleters()));
      CloudCheckServices cloudCheck = cloudCheck();
      jobs.register(ScanJob.TYPE, ScanJob.factory(cloudCheck));
      jobs.register(ScanAndFixJob.TYPE, ScanAndFixJob.factory(cloudCheck));
      jobs.register(ApplyResolutionsJob.TYPE, ApplyResolutionsJob.factory(cloudCheck));
    }

    public CleanupPicker cleanupPicker() {
      return new CleanupPicker(releases, stemcells, deployments, orphanDisks);
    }

    /** Clean-up deletes through the same jobs as delete-release, delete-stemcell and delete-disk. */
    private ArtifactDeleters artifactDeleters() {
      CompiledPackages compiledPackages = new CompiledPackages(database.jdbi(), clock);
      return new ArtifactDeleters() {
        @Override
        public Job releaseVersion(String name, String version) {
          return DeleteReleaseJob.ofVersion(name, version, releases, deployments, blobstore, locks, events);
        }

        @Override
        public Job stemcell(String name, String version) {
          return DeleteStemcellJob.of(name, version, stemcells, deployments, cpis, locks, events, compiledPackages, blobstore);
        }

        @Override
        public Job orphanDisks(List<String> cids) {
          return DeleteOrphanDisksJob.of(cids, orphanDisks, cpis, events);
        }
      };
    }

    /** The deployer's parts; stateless over the repositories, so each caller may have its own. */
    private DeployServices deployServices() {
      InstanceDeleter deleter = new InstanceDeleter(cpis, instances, vms, persistentDisks, orphanDisks, ipAddresses, this::agent, Sleeper.system());
      AgentEnvironment environment = new AgentEnvironment(agentsCa, () -> url.get().resolve(AgentBlobRoutes.PREFIX), agentBlobCredentials, directorCaPem,
          config.healthMonitor().map(HeartbeatSettings::load));
      VmCreator vmCreator = new VmCreator(cpis, vms, environment, this::agent, VmCreator.AGENT_WAIT_TIMEOUT);
      return DeployServices.create(deployments, instances, vms, persistentDisks, orphanDisks, ipAddresses, stemcells, releases, configs, locks, events, blobstore, cpis,
          this::agent, vmCreator, deleter, templateRenderer, new CompiledPackages(database.jdbi(), clock), store.uploads(), Sleeper.system(), clock);
    }

    /** Cloud check's parts (scans, problems, resolutions, scan-and-fix). */
    public CloudCheckServices cloudCheck() {
      return new CloudCheckServices(deployments, instances, vms, persistentDisks, orphanDisks, new Problems(database.jdbi(), clock), locks, events, cpis, this::agent,
          new InstanceRecreator(deployServices()), config.scanAndFix(), CloudCheckServices.AGENT_PROBE_TIMEOUT, VmCreator.AGENT_WAIT_TIMEOUT, clock);
    }

    /** An upload may unpack to a few times its size (a stemcell image compresses well), but not without bound. */
    private static long unpackLimit(long maxUploadBytes) {
      return maxUploadBytes > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : maxUploadBytes * 8;
    }

    void recoverFromRestart() throws IOException {
      int failed = tasks.failInterrupted();
      int released = locks.releaseAll();
      if (failed > 0 || released > 0) {
        LOG.warn("recovered from an unclean stop: {} task(s) ended as 'director restarted', {} lock(s) released", failed, released);
      }
      FileTrees.deleteRecursively(store.uploads());
      java.nio.file.Files.createDirectories(store.uploads());
    }
  }
}
