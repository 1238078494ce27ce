package io.lazarus.director.deploy;

import io.lazarus.core.archive.TarballWriter;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.files.FileTrees;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.templates.InstanceSpec;
import io.lazarus.director.templates.JobTemplates;
import io.lazarus.director.templates.RenderedJob;
import io.lazarus.director.templates.ResolvedLink;
import io.lazarus.director.templates.TemplateRenderer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Renders an instance's jobs (ERB, BOSH's helpers) into BOSH's rendered templates archive: {@code <job>/monit} and
 * {@code <job>/<dest>} for each job, stored in the blobstore. Rendering the same inputs twice gives the same
 * digests, which is how an unchanged redeploy is recognised.
 */
final class InstanceRenderer {
  private final TemplateRenderer renderer;
  private final Blobstore blobstore;

  InstanceRenderer(TemplateRenderer renderer, Blobstore blobstore) {
    this.renderer = renderer;
    this.blobstore = blobstore;
  }

  /** One job of the instance: its templates, its resolved properties and its resolved links. */
  record JobInput(JobTemplates templates, Map<String, Object> properties, Map<String, ResolvedLink> links) {}

  RenderedInstance render(InstanceSpec instance, List<JobInput> jobs, Path scratch) throws IOException {
    Path dir = Files.createTempDirectory(scratch, "rendered-");
    try {
      Map<String, String> templateHashes = new LinkedHashMap<>();
      for (JobInput job : jobs) {
        RenderedJob rendered = renderer.render(job.templates(), instance, job.properties(), job.links());
        Map<String, String> files = new TreeMap<>(rendered.files());
        files.put("monit", rendered.monit());
        for (Map.Entry<String, String> file : files.entrySet()) {
          Path target = dir.resolve(rendered.name()).resolve(file.getKey()).normalize();
          if (!target.startsWith(dir.resolve(rendered.name()))) {
            throw new IllegalArgumentException("job '" + rendered.name() + "' renders '" + file.getKey() + "' outside its directory");
          }
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.getValue());
          if (file.getKey().startsWith("bin/")) {
            target.toFile().setExecutable(true, false);
          }
        }
        templateHashes.put(rendered.name(), digest(files));
      }
      Path archive = scratch.resolve(dir.getFileName() + ".tgz");
      TarballWriter.writeDirectory(dir, archive);
      String sha1 = Digests.sha1(archive);
      String id = blobstore.put(archive);
      Files.deleteIfExists(archive);
      return new RenderedInstance(id, sha1, templateHashes, digest(new TreeMap<>(templateHashes)));
    } finally {
      FileTrees.deleteRecursively(dir);
    }
  }

  private static String digest(Map<String, String> files) {
    try {
      MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
      files.forEach((name, content) -> {
        sha1.update(name.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) 0);
        sha1.update(content.getBytes(StandardCharsets.UTF_8));
        sha1.update((byte) 0);
      });
      return HexFormat.of().formatHex(sha1.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
