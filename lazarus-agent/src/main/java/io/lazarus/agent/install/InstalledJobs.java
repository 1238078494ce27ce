package io.lazarus.agent.install;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.supervisor.MonitJob;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The jobs linked at {@code jobs/<name>}, as apply left them. Immutable. */
public final class InstalledJobs {
  private final AgentPaths paths;

  public InstalledJobs(AgentPaths paths) {
    this.paths = paths;
  }

  /** Those of {@code names} that have no {@code jobs/<name>} directory. */
  public List<String> missing(List<String> names) {
    return names.stream().filter(name -> !Files.isDirectory(paths.jobs().resolve(name))).toList();
  }

  /** The monit files of {@code names}; a job without one has no processes and is left out. */
  public List<MonitJob> monitJobs(List<String> names) {
    List<MonitJob> monitJobs = new ArrayList<>();
    for (String name : names) {
      Path monit = paths.jobs().resolve(name).resolve("monit");
      if (Files.isRegularFile(monit)) {
        monitJobs.add(new MonitJob(name, monit));
      }
    }
    return monitJobs;
  }
}
