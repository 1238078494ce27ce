package io.lazarus.cli.commands.stemcell;

import io.lazarus.cli.LazarusSubcommand;
import io.lazarus.cli.Session;
import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.Query;
import io.lazarus.cli.upload.TarballManifest;
import io.lazarus.cli.upload.UploadBody;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import io.lazarus.core.json.Json;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Uploads a stemcell tarball (or has the Director fetch one from a URL). For a local file the Director is asked
 * first whether it needs this name/version ({@code POST /stemcell_uploads}), so a known stemcell is not sent again.
 */
@Command(name = "upload-stemcell", aliases = "us", description = "Upload a stemcell tarball or URL")
public final class UploadStemcellCommand extends LazarusSubcommand {
  @Parameters(index = "0", paramLabel = "FILE|URL")
  private String source;

  @Option(names = "--fix", description = "Replace the stemcell even if it exists, e.g. after a failed upload")
  private boolean fix;

  @Option(names = "--sha1", description = "Digest of the tarball at URL")
  private String sha1;

  @Override
  protected void run(Session session) throws Exception {
    DirectorClient director = session.director();
    String path = Query.of().flag("fix", fix).appendTo("/stemcells");
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
    YamlDocument manifest = TarballManifest.read(tarball, "stemcell.MF", "stemcell");
    Map<String, Object> root = manifest.rootMap();
    String name = YamlValues.requiredString(manifest, "", root, "name");
    String version = YamlValues.requiredString(manifest, "", root, "version");
    if (!fix && !needed(director, name, version)) {
      session.ui().printLine("Stemcell '" + name + "/" + version + "' already exists.");
      return;
    }
    session.follow(director.sendForTask(
        "POST", path, UploadBody.of(tarball, session.progressStream()), "application/x-compressed"));
  }

  private static boolean needed(DirectorClient director, String name, String version) {
    Map<String, Object> stemcell = new LinkedHashMap<>();
    stemcell.put("name", name);
    stemcell.put("version", version);
    Map<String, Object> body = Map.of("stemcell", stemcell);
    return director.sendJson("POST", "/stemcell_uploads", body, UploadCheck.class).needed();
  }

  /** The answer of {@code POST /stemcell_uploads}. */
  record UploadCheck(boolean needed) {}
}
