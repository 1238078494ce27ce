package io.lazarus.director.api;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.lazarus.director.auth.Authenticator;
import io.lazarus.director.auth.Principal;
import io.lazarus.director.store.DirectorIdentity;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code GET /info}: anonymous; {@code user} is filled when the request carries valid credentials. */
public final class InfoRoutes implements Routes {
  private final DirectorIdentity identity;
  private final String version;
  private final String cpi;
  private final Authenticator authenticator;

  public InfoRoutes(DirectorIdentity identity, String version, String cpi, Authenticator authenticator) {
    this.identity = identity;
    this.version = version;
    this.cpi = cpi;
    this.authenticator = authenticator;
  }

  @Override
  public void register(RoutesConfig routes) {
    routes.get("/info", this::info);
  }

  private void info(Context ctx) {
    Principal principal = ctx.attribute(ApiServer.PRINCIPAL);
    Map<String, Object> info = new LinkedHashMap<>();
    info.put("name", identity.name());
    info.put("uuid", identity.uuid());
    info.put("version", version);
    info.put("user", principal == null ? null : principal.name());
    info.put("cpi", cpi);
    info.put("stemcell_os", null);
    info.put("stemcell_version", null);
    info.put("user_authentication", authenticator.describe());
    Map<String, Object> features = new LinkedHashMap<>();
    features.put("local_dns", Map.of("status", false, "extras", Map.of("domain_name", "bosh")));
    features.put("snapshots", Map.of("status", false));
    features.put("config_server", Map.of("status", false, "extras", Map.of("urls", java.util.List.of())));
    info.put("features", features);
    ctx.json(info);
  }
}
