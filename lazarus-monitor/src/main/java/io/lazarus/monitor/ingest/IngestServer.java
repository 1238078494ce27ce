package io.lazarus.monitor.ingest;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.lazarus.core.heartbeat.HeartbeatCredentials;
import io.lazarus.core.json.Json;
import io.lazarus.monitor.config.HmConfig;
import io.lazarus.monitor.config.IngestConfig;
import io.lazarus.monitor.tls.PemTls;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The HTTPS listener agents post to (healing.md "HM ingest"): {@code POST /agents/<id>/{heartbeat,alert,shutdown}}
 * with Basic credentials checked against the heartbeat key. 204 done, 400 body not JSON (or an invalid alert),
 * 401 bad credentials, 403 path id not the authenticated agent, 404 other paths. Jetty with virtual threads;
 * connections are kept alive. Must be closed.
 */
public final class IngestServer implements AutoCloseable {
  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

  private final Javalin app;

  public IngestServer(IngestConfig config, HeartbeatCredentials credentials, AgentMessages messages) {
    HmConfig.Endpoint endpoint = config.endpoint();
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(PemTls.identity(config.certificate(), config.privateKey()));
    ssl.setKeyStorePassword(PemTls.identityPassword());
    ssl.setIncludeProtocols(PROTOCOLS);
    ssl.setSniRequired(false);
    this.app = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.startup.showOldJavalinVersionWarning = false;
      cfg.concurrency.useVirtualThreads = true;
      cfg.jetty.addConnector((server, httpConfig) -> connector(server, httpConfig, endpoint, ssl));
      cfg.routes.post("/agents/{id}/{kind}", ctx -> handle(ctx, credentials, messages));
      cfg.routes.exception(InvalidAgentMessageException.class, (e, ctx) -> ctx.status(400).contentType("text/plain").result(e.getMessage() + "\n"));
      cfg.routes.exception(JacksonException.class, (e, ctx) -> ctx.status(400).contentType("text/plain").result("body is not JSON: " + e.getOriginalMessage() + "\n"));
    });
  }

  private static ServerConnector connector(Server server, HttpConfiguration httpConfig, HmConfig.Endpoint endpoint, SslContextFactory.Server ssl) {
    HttpConfiguration https = new HttpConfiguration(httpConfig);
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    customizer.setSniHostCheck(false); // agents address us by IP; they check the SANs themselves
    https.addCustomizer(customizer);
    https.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(endpoint.address());
    connector.setPort(endpoint.port());
    return connector;
  }

  private static void handle(Context ctx, HeartbeatCredentials credentials, AgentMessages messages) {
    String kind = ctx.pathParam("kind");
    if (!kind.equals("heartbeat") && !kind.equals("alert") && !kind.equals("shutdown")) {
      ctx.status(404).contentType("text/plain").result("no such endpoint: " + ctx.path() + "\n");
      return;
    }
    String agent = authenticatedAgent(ctx.header("Authorization"), credentials);
    if (agent == null) {
      ctx.status(401).header("WWW-Authenticate", "Basic realm=\"Lazarus HM\"").contentType("text/plain").result("bad heartbeat credentials\n");
      return;
    }
    if (!agent.equals(ctx.pathParam("id"))) {
      ctx.status(403).contentType("text/plain").result("agent " + agent + " may not post for " + ctx.pathParam("id") + "\n");
      return;
    }
    switch (kind) {
      case "heartbeat" -> messages.onHeartbeat(agent, body(ctx));
      case "alert" -> messages.onAlert(agent, body(ctx));
      default -> messages.onShutdown(agent);
    }
    ctx.status(204);
  }

  private static JsonNode body(Context ctx) {
    JsonNode node = Json.mapper().readTree(ctx.body());
    if (node == null || node.isMissingNode()) {
      throw new InvalidAgentMessageException("body is empty; JSON expected");
    }
    return node;
  }

  private static String authenticatedAgent(String header, HeartbeatCredentials credentials) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String pair;
    try {
      pair = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = pair.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    String user = pair.substring(0, colon);
    return credentials.verify(user, pair.substring(colon + 1)) ? user : null;
  }

  public IngestServer start() {
    app.start();
    return this;
  }

  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
