package io.lazarus.cli.commands.release;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.api.Release;
import io.lazarus.cli.api.Task;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.upload.TarballManifest;
import io.lazarus.cli.upload.TarballRepacker;
import io.lazarus.cli.upload.UploadBody;
import io.lazarus.core.json.Json;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Uploads a release tarball (or has the Director fetch one from a URL). A local release whose name/version the
 * Director already lists is not sent again unless {@code --fix}. As in the bosh CLI, packages the Director already
 * has (by fingerprint) are left out of the upload: the tarball is repacked into a temporary file without them.
 * {@code --fix} sends everything, so the Director can replace broken blobs.
 */
@Command(name = "upload-release", aliases = "ur", description = "Upload a release tarball or URL")
public final class UploadReleaseCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE|URL")
  private String source;

  @Option(names = "--fix", description = "Replace the release's jobs and packages even if they exist")
  private boolean fix;

  @Option(names = "--rebase", description = "Upload as a new version on top of the latest")
  private boolean rebase;

  @Option(names = "--sha1", description = "Digest of the tarball at URL")
  private String sha1;

  @Override
  protected void run(Session session) throws Exception {
    DirectorClient director = session.director();
    String path = Query.of().flag("fix", fix).flag("rebase", rebase).appendTo("/releases");
    if (source.startsWith("http://") || source.startsWith("https://")) {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("location", source);
      if (sha1 != null) {
        body.put("sha1", sha1);
      }
      session.follow(director.sendForTask("POST", path, BodyPublishers.ofString(Json.write(body)), "application/json"));
      return;
    }
    Path tarball = Path.of(source);
    String manifestText = TarballManifest.readText(tarball, "release.MF", "release");
    YamlDocument manifest = YamlDocument.parse(tarball.getFileName() + ":release.MF", manifestText);
    Map<String, Object> root = manifest.rootMap();
    String name = YamlValues.requiredString(manifest, "", root, "name");
    String version = YamlValues.requiredString(manifest, "", root, "version");
    if (!fix && !rebase && exists(director, name, version)) {
      session.ui().printLine("Release '" + name + "/" + version + "' already exists.");
      return;
    }
    Set<String> known = fix ? Set.of() : PackageMatches.archivesTheDirectorHas(director, manifestText, root);
    Path upload = known.isEmpty() ? tarball : TarballRepacker.without(tarball, known);
    Task task;
    try {
      task = director.sendForTask(
          "POST", path, UploadBody.of(upload, session.progressStream()), "application/x-compressed");
    } finally {
      if (!upload.equals(tarball)) {
        Files.deleteIfExists(upload);
      }
    }
    session.follow(task);
  }

  private static boolean exists(DirectorClient director, String name, String version) {
    return Arrays.stream(director.getJson("/releases", Release[].class))
        .filter(release -> release.name().equals(name))
        .flatMap(release -> release.releaseVersions().stream())
        .anyMatch(v -> v.version().equals(version));
  }
}
