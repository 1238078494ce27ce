package io.lazarus.release;

import io.lazarus.core.archive.TarballWriter;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.release.ReleaseBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds what Lazarus ships for its local cloud, at build time: the {@code demo} release tarball and the local
 * stemcell (a {@code stemcell.MF} and an image whose tree becomes each VM's {@code /var/vcap}: the agent's
 * launcher scripts and its jars). See docs/internals/vms.md for the image's layout.
 *
 * <p>Usage: {@code ArtifactBuilder VERSION RELEASE_DIR STEMCELL_TREE AGENT_JAR OUT_DIR}.
 */
public final class ArtifactBuilder {
  public static final String STEMCELL_NAME = "bosh-lazarus-local";
  public static final String OPERATING_SYSTEM = "lazarus-local";

  private ArtifactBuilder() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 5) {
      System.err.println("usage: ArtifactBuilder VERSION RELEASE_DIR STEMCELL_TREE AGENT_JAR OUT_DIR");
      System.exit(2);
    }
    String version = args[0].replace("-SNAPSHOT", "");
    Path out = Files.createDirectories(Path.of(args[4]));
    ReleaseBuilder.build(Path.of(args[1]), version, out.resolve("demo-release.tgz"));
    buildStemcell(version, Path.of(args[2]), Path.of(args[3]), out.resolve("lazarus-local-stemcell.tgz"));
  }

  static void buildStemcell(String version, Path stemcellTree, Path agentJar, Path tarball) throws IOException {
    Path work = Files.createTempDirectory(tarball.toAbsolutePath().getParent(), ".stemcell-");
    try {
      Path vcap = Files.createDirectories(work.resolve("vcap"));
      copyTree(stemcellTree, vcap);
      Path lib = Files.createDirectories(vcap.resolve("bosh/lib"));
      Files.copy(agentJar, lib.resolve("lazarus-agent.jar"), StandardCopyOption.REPLACE_EXISTING);
      Path stemcellDir = Files.createDirectories(work.resolve("stemcell"));
      Path image = stemcellDir.resolve("image");
      TarballWriter.writeDirectory(vcap, image);
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("name", STEMCELL_NAME);
      manifest.put("version", version);
      manifest.put("api_version", 3);
      manifest.put("bosh_protocol", 1);
      manifest.put("sha1", "sha256:" + Digests.sha256(image));
      manifest.put("operating_system", OPERATING_SYSTEM);
      manifest.put("stemcell_formats", List.of("local-tgz"));
      manifest.put("cloud_properties", Map.of());
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      Files.writeString(stemcellDir.resolve("stemcell.MF"), new Yaml(options).dump(manifest));
      TarballWriter.writeDirectory(stemcellDir, tarball);
    } finally {
      FileTrees.deleteRecursively(work);
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path source : walk.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else {
          Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
