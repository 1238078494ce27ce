package io.lazarus.agent.install;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Installs rendered jobs from the rendered templates archive ({@code <job>/monit}, {@code <job>/<dest>...}) at
 * BOSH's paths: {@code data/jobs/<name>/<hash>} linked from {@code jobs/<name>}, with {@code bin/*} executable,
 * {@code /var/vcap} rewritten in plain mode, and {@code sys/log/<job>}, {@code sys/run/<job>} created.
 */
public final class JobInstaller {
  private final AgentPaths paths;
  private final VerifiedDownload download;

  public JobInstaller(AgentPaths paths, VerifiedDownload download) {
    this.paths = paths;
    this.download = download;
  }

  /** A job unpacked under data/jobs and ready to be linked. */
  public record StagedJob(String name, Path directory) {}

  /**
   * Fetches the archive and unpacks each job to {@code data/jobs/<name>/<hash>}; {@code hashes} gives each job's
   * hash (template_hashes), the archive digest stands in for jobs without one.
   */
  public List<StagedJob> stage(String blobId, String digest, List<String> jobNames, Map<String, String> hashes)
      throws IOException, InterruptedException {
    Path archive = download.fetch(blobId, digest, "rendered templates archive");
    Path unpacked = paths.tmp().resolve("rendered-" + UUID.randomUUID());
    try {
      Unpacker.unpackInto(archive, unpacked, "rendered templates archive");
      Map<String, StagedJob> staged = new LinkedHashMap<>();
      for (String name : jobNames) {
        checkName(name);
        Path source = unpacked.resolve(name);
        if (!Files.isDirectory(source)) {
          throw new RpcException("rendered templates archive has no directory for job '" + name + "'");
        }
        String hash = hashes.getOrDefault(name, digest.replace(':', '-').replace(';', '-'));
        checkName(hash);
        Path target = paths.jobsData().resolve(name).resolve(hash);
        if (!Files.isDirectory(target)) {
          prepare(source);
          Files.createDirectories(target.getParent());
          Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        }
        staged.put(name, new StagedJob(name, target));
      }
      return List.copyOf(staged.values());
    } finally {
      Files.deleteIfExists(archive);
      FileTrees.deleteRecursively(unpacked);
    }
  }

  /** Points {@code jobs/<name>} at each staged job, creates its log and run directories, drops links of other jobs. */
  public void activate(List<StagedJob> jobs) throws IOException {
    Set<String> names = new java.util.HashSet<>();
    for (StagedJob job : jobs) {
      names.add(job.name());
      Files.createDirectories(paths.sysLog().resolve(job.name()));
      Files.createDirectories(paths.sysRun().resolve(job.name()));
      Symlinks.switchAtomically(paths.jobs().resolve(job.name()), job.directory());
    }
    if (Files.isDirectory(paths.jobs())) {
      try (Stream<Path> links = Files.list(paths.jobs())) {
        for (Path link : links.filter(Files::isSymbolicLink).toList()) {
          if (!names.contains(link.getFileName().toString())) {
            Files.delete(link);
          }
        }
      }
    }
  }

  private void prepare(Path job) throws IOException {
    Path bin = job.resolve("bin");
    if (Files.isDirectory(bin)) {
      try (Stream<Path> files = Files.walk(bin)) {
        for (Path file : files.filter(Files::isRegularFile).toList()) {
          file.toFile().setExecutable(true, false);
        }
      }
    }
    if (paths.plainMode()) {
      new VcapPathRewriter(paths.root()).rewriteTree(job);
    }
  }

  private static void checkName(String name) {
    if (name == null || name.isBlank() || name.contains("/") || name.equals("..") || name.equals(".")) {
      throw new RpcException("job name or hash '" + name + "' is not a plain name");
    }
  }
}
