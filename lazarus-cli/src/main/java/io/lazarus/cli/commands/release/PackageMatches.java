package io.lazarus.cli.commands.release;

import io.lazarus.cli.client.DirectorClient;
import io.lazarus.cli.client.DirectorResponseException;
import io.lazarus.core.json.Json;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest.BodyPublishers;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;

/**
 * Asks the Director which of a release's packages it already has ({@code POST /packages/matches}, or
 * {@code /packages/matches_compiled} for a compiled release, with release.MF as the YAML body) and names their
 * archives in the tarball, so the upload can leave them out. As in the bosh CLI, a failed question means "none".
 */
final class PackageMatches {
  private PackageMatches() {}

  /** The tarball entries ({@code packages/<name>.tgz}) of the packages whose fingerprints the Director has. */
  static Set<String> archivesTheDirectorHas(
      DirectorClient director, String manifestText, Map<String, Object> manifest) {
    boolean compiled = manifest.get("compiled_packages") instanceof List<?>;
    String section = compiled ? "compiled_packages" : "packages";
    Set<String> known =
        fingerprints(director, compiled ? "/packages/matches_compiled" : "/packages/matches", manifestText);
    Set<String> archives = new LinkedHashSet<>();
    if (manifest.get(section) instanceof List<?> packages) {
      for (Object item : packages) {
        if (item instanceof Map<?, ?> pkg && pkg.get("name") != null
            && known.contains(String.valueOf(pkg.get("fingerprint")))) {
          archives.add(section + "/" + pkg.get("name") + ".tgz");
        }
      }
    }
    return archives;
  }

  private static Set<String> fingerprints(DirectorClient director, String path, String manifestText) {
    try {
      String answer = director.send("POST", path, BodyPublishers.ofString(manifestText), "text/yaml").body();
      return new LinkedHashSet<>(Arrays.asList(Json.read(answer, String[].class)));
    } catch (DirectorResponseException | UncheckedIOException | JacksonException e) {
      return Set.of();
    }
  }
}
