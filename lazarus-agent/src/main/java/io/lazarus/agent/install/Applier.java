package io.lazarus.agent.install;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.install.JobInstaller.StagedJob;
import io.lazarus.agent.jobs.JobCommand;
import io.lazarus.agent.jobs.LastJobCommandFile;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's apply and prepare. {@code prepare} downloads and unpacks what a spec needs without switching anything;
 * {@code apply} also switches the package and job links, hands the jobs' monit files to the supervisor, writes the
 * instance files and stores the spec. An apply that loads jobs is recorded as the last job command: they run only
 * once {@code start} follows, also after an agent restart. One apply at a time.
 */
public final class Applier {
  private static final Logger log = LoggerFactory.getLogger(Applier.class);

  private final AgentPaths paths;
  private final PackageInstaller packages;
  private final JobInstaller jobs;
  private final SpecStore specs;
  private final JobSupervisor supervisor;
  private final LastJobCommandFile lastCommand;

  public Applier(AgentPaths paths, PackageInstaller packages, JobInstaller jobs, SpecStore specs, JobSupervisor supervisor,
      LastJobCommandFile lastCommand) {
    this.paths = paths;
    this.packages = packages;
    this.jobs = jobs;
    this.specs = specs;
    this.supervisor = supervisor;
    this.lastCommand = lastCommand;
  }

  public synchronized void prepare(ApplySpec spec) throws IOException, InterruptedException {
    if (!spec.hasConfiguration()) {
      return;
    }
    for (PackageRef ref : spec.packages()) {
      packages.stage(ref);
    }
    stageJobs(spec);
  }

  public synchronized void apply(ApplySpec spec) throws IOException, InterruptedException {
    if (spec.hasConfiguration()) {
      for (PackageRef ref : spec.packages()) {
        packages.install(ref);
      }
      List<StagedJob> staged = stageJobs(spec);
      jobs.activate(staged);
      lastCommand.record(JobCommand.APPLY);
      supervisor.load(new InstalledJobs(paths).monitJobs(staged.stream().map(StagedJob::name).toList()));
      log.info("applied {} package(s) and job(s) {}", spec.packages().size(), staged.stream().map(StagedJob::name).toList());
    }
    writeInstanceFiles(spec);
    specs.save(spec.json());
  }

  private List<StagedJob> stageJobs(ApplySpec spec) throws IOException, InterruptedException {
    List<String> names = spec.jobNames();
    if (names.isEmpty()) {
      return List.of();
    }
    ApplySpec.BlobRef archive = spec.renderedTemplatesArchive().orElseThrow(() ->
        new RpcException("apply spec lists jobs " + names + " but has no 'rendered_templates_archive'"));
    return jobs.stage(archive.blobstoreId(), archive.sha1(), names, spec.templateHashes());
  }

  /** BOSH's {@code instance/{id,az,name,deployment}}: jobs read them to learn who they are. */
  private void writeInstanceFiles(ApplySpec spec) throws IOException {
    for (String field : List.of("id", "az", "name", "deployment")) {
      String value = spec.text(field);
      if (value != null) {
        FileTrees.writeAtomically(paths.instanceDir().resolve(field), value.getBytes(StandardCharsets.UTF_8), null);
      }
    }
  }
}
