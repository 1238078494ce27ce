package io.lazarus.director.releases;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.api.Routes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /packages/matches} and {@code /packages/matches_compiled}: given a release manifest (YAML), the
 * fingerprints the Director already has, so {@code bosh upload-release} can leave those packages out of the upload.
 */
public final class PackageMatchRoutes implements Routes {
  private final Releases releases;

  public PackageMatchRoutes(Releases releases) {
    this.releases = releases;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.post("/packages/matches", this::matches);
    routes.post("/packages/matches_compiled", this::matchesCompiled);
  }

  private void matches(Context ctx) {
    List<String> fingerprints = fingerprints(ctx, "packages");
    Set<String> known = releases.knownFingerprints(fingerprints);
    ctx.json(fingerprints.stream().filter(known::contains).distinct().toList());
  }

  /** No compiled packages exist until the deployer compiles, so nothing matches; the manifest is still checked. */
  private void matchesCompiled(Context ctx) {
    fingerprints(ctx, "compiled_packages");
    ctx.json(List.of());
  }

  private static List<String> fingerprints(Context ctx, String section) {
    Object root;
    try {
      root = YamlDocument.parse(ReleaseManifest.FILE, ctx.body()).root();
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, e.getMessage());
    }
    if (!(root instanceof Map<?, ?> manifest) || !(manifest.get(section) instanceof List<?> entries)) {
      throw new DirectorException(ErrorCode.BAD_MANIFEST, "Manifest doesn't have a usable " + section.replace('_', ' ') + " section");
    }
    List<String> fingerprints = new ArrayList<>();
    for (Object entry : entries) {
      if (entry instanceof Map<?, ?> pkg && pkg.get("fingerprint") instanceof String fingerprint) {
        fingerprints.add(fingerprint);
      }
    }
    return fingerprints;
  }
}
