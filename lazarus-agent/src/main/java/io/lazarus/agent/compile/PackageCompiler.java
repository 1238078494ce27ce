package io.lazarus.agent.compile;

import io.lazarus.agent.AgentPaths;
import io.lazarus.agent.blobstore.Blobstore;
import io.lazarus.agent.install.PackageInstaller;
import io.lazarus.agent.install.PackageRef;
import io.lazarus.agent.install.Symlinks;
import io.lazarus.agent.install.TarGzWriter;
import io.lazarus.agent.install.Unpacker;
import io.lazarus.agent.install.VerifiedDownload;
import io.lazarus.agent.jobs.ProcessRunner;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.files.FileTrees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's compile_package: unpack the source blob in {@code data/compile/<name>}, install the compiled
 * dependencies, run {@code packaging} with BOSH's variables, pack the install directory, upload it. The script's
 * output goes to the agent log; a failure quotes its last lines. One compilation at a time.
 */
public final class PackageCompiler {
  private static final Logger log = LoggerFactory.getLogger(PackageCompiler.class);
  private static final int QUOTED_LINES = 15;

  private final AgentPaths paths;
  private final VerifiedDownload download;
  private final PackageInstaller installer;
  private final Blobstore blobstore;

  public PackageCompiler(AgentPaths paths, VerifiedDownload download, PackageInstaller installer, Blobstore blobstore) {
    this.paths = paths;
    this.download = download;
    this.installer = installer;
    this.blobstore = blobstore;
  }

  /** A compiled package in the blobstore. */
  public record Compiled(String blobstoreId, String sha1) {}

  public synchronized Compiled compile(PackageRef source, List<PackageRef> dependencies) throws IOException, InterruptedException {
    for (PackageRef dependency : dependencies) {
      installer.install(dependency);
    }
    Path compileTarget = paths.compileDir().resolve(source.name());
    FileTrees.deleteRecursively(compileTarget);
    Path blob = download.fetch(source.blobstoreId(), source.sha1(), "source of " + source);
    try {
      Unpacker.unpackInto(blob, compileTarget, "source of " + source);
    } finally {
      Files.deleteIfExists(blob);
    }
    Path packaging = compileTarget.resolve("packaging");
    if (!Files.isRegularFile(packaging)) {
      throw new RpcException("compile_package: " + source + " has no 'packaging' script");
    }
    Path installDir = installer.directoryOf(source);
    FileTrees.deleteRecursively(installDir);
    Files.createDirectories(installDir);
    Path installTarget = installer.linkOf(source.name());
    Symlinks.switchAtomically(installTarget, installDir);

    runPackaging(source, compileTarget, installTarget);

    Files.createDirectories(paths.tmp());
    Path archive = paths.tmp().resolve("compiled-" + UUID.randomUUID() + ".tgz");
    try {
      TarGzWriter.write(installDir, archive, path -> true);
      String sha1 = Digests.sha1(archive);
      String blobId = UUID.randomUUID().toString();
      blobstore.put(blobId, archive);
      log.info("compiled {} into blob {} (sha1 {})", source, blobId, sha1);
      return new Compiled(blobId, sha1);
    } finally {
      Files.deleteIfExists(archive);
      FileTrees.deleteRecursively(compileTarget);
    }
  }

  private void runPackaging(PackageRef source, Path compileTarget, Path installTarget) throws IOException, InterruptedException {
    Map<String, String> environment = new LinkedHashMap<>();
    environment.put("BOSH_COMPILE_TARGET", compileTarget.toString());
    environment.put("BOSH_INSTALL_TARGET", installTarget.toString());
    environment.put("BOSH_PACKAGE_NAME", source.name());
    environment.put("BOSH_PACKAGE_VERSION", source.version());
    environment.put("BOSH_PACKAGES_DIR", paths.packages().toString());
    List<String> command = new ArrayList<>(List.of(shell(), "-e", "packaging"));
    String prefix = "[packaging " + source.name() + "] ";
    ProcessRunner.Result result = ProcessRunner.run(command, compileTarget, environment, line -> log.info("{}{}", prefix, line), QUOTED_LINES);
    if (result.exitCode() != 0) {
      throw new RpcException("compile_package: packaging of " + source + " exited with " + result.exitCode()
          + (result.tail().isEmpty() ? " and printed nothing" : "; its last lines:\n" + result.tailText()));
    }
  }

  /** bash as BOSH uses it, or sh on a stemcell without it. */
  private static String shell() {
    for (String candidate : List.of("/bin/bash", "/usr/bin/bash")) {
      if (Files.isExecutable(Path.of(candidate))) {
        return candidate;
      }
    }
    return "/bin/sh";
  }
}
