package io.lazarus.director.api;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.json.JavalinJackson3;
import io.lazarus.core.json.Json;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.auth.Authenticator;
import io.lazarus.director.auth.Principal;
import io.lazarus.director.blobstore.AgentBlobRoutes;
import io.lazarus.director.tls.TlsMaterial;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;

/**
 * The Director's HTTPS endpoint: Javalin on Jetty with virtual threads, TLS 1.2 (ECDHE-RSA-AES-GCM only, what the
 * bosh CLI v7 offers) and TLS 1.3, authentication of every request but {@code GET /info}, read-only principals
 * limited to reads, and one mapping of errors to BOSH's {@code {"code","description"}} bodies.
 *
 * <p>Lifecycle: {@link #start()} then {@link #close()}. IMPORTANT: must be closed.
 */
public final class ApiServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  static final String PRINCIPAL = "lazarus.principal";
  /** Marks a response whose error body is already written, so the 404 fallback leaves it alone. */
  private static final String ANSWERED = "lazarus.answered";

  private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
  private static final String[] CIPHER_SUITES = {
    "TLS_AES_128_GCM_SHA256",
    "TLS_AES_256_GCM_SHA384",
    "TLS_CHACHA20_POLY1305_SHA256",
    "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
    "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"
  };

  private final Javalin app;

  public ApiServer(String host, int port, TlsMaterial tls, Authenticator authenticator, List<Routes> areas) {
    this.app =
        Javalin.create(
            cfg -> {
              cfg.startup.showJavalinBanner = false;
              cfg.startup.showOldJavalinVersionWarning = false;
              cfg.concurrency.useVirtualThreads = true;
              cfg.jsonMapper(new JavalinJackson3(Json.mapper(), true));
              cfg.http.defaultContentType = "application/json";
              cfg.jetty.addConnector((server, httpConfig) -> httpsConnector(server, httpConfig, host, port, tls));
              cfg.routes.before(ctx -> authenticate(ctx, authenticator));
              areas.forEach(area -> area.register(cfg.routes));
              cfg.routes.exception(NotAuthenticatedException.class, (e, ctx) -> notAuthenticated(ctx));
              cfg.routes.exception(DirectorException.class, (e, ctx) -> error(ctx, e.httpStatus(), e.code(), e.getMessage()));
              cfg.routes.exception(YamlException.class, (e, ctx) -> error(ctx, 400, ErrorCode.INVALID_YAML.code(), e.getMessage()));
              cfg.routes.exception(JacksonException.class, (e, ctx) -> error(ctx, 400, ErrorCode.INVALID_JSON.code(), "request body is not valid JSON: " + e.getOriginalMessage()));
              cfg.routes.exception(Exception.class, (e, ctx) -> internalError(ctx, e));
              cfg.routes.error(404, ctx -> {
                if (ctx.attribute(ANSWERED) == null) {
                  error(ctx, 404, ErrorCode.RESOURCE_NOT_FOUND.code(), "Endpoint '" + ctx.path() + "' not found");
                }
              });
              cfg.routes.error(405, ctx -> error(ctx, 405, ErrorCode.RESOURCE_NOT_FOUND.code(), "method " + ctx.method() + " not allowed on " + ctx.path()));
            });
  }

  private static ServerConnector httpsConnector(org.eclipse.jetty.server.Server server, HttpConfiguration httpConfig, String host, int port, TlsMaterial tls) {
    SslContextFactory.Server ssl = new SslContextFactory.Server();
    ssl.setKeyStore(tls.keyStore());
    ssl.setKeyStorePassword(new String(TlsMaterial.keyStorePassword()));
    ssl.setIncludeProtocols(PROTOCOLS);
    ssl.setIncludeCipherSuites(CIPHER_SUITES);
    ssl.setSniRequired(false);
    HttpConfiguration https = new HttpConfiguration(httpConfig);
    SecureRequestCustomizer customizer = new SecureRequestCustomizer();
    customizer.setSniHostCheck(false); // clients address us by IP; the SANs are checked by the client
    https.addCustomizer(customizer);
    https.setSendServerVersion(false);
    ServerConnector connector = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
    connector.setHost(host);
    connector.setPort(port);
    return connector;
  }

  private static void authenticate(Context ctx, Authenticator authenticator) {
    if (ctx.path().startsWith(AgentBlobRoutes.PREFIX)) {
      return; // agents, not Director users: AgentBlobRoutes checks the agents' credential itself
    }
    Optional<Principal> principal = authenticator.authenticate(ctx.header("Authorization"));
    principal.ifPresent(p -> ctx.attribute(PRINCIPAL, p));
    boolean anonymousAllowed = ctx.path().equals("/info") && ctx.method() == HandlerType.GET;
    if (anonymousAllowed) {
      return;
    }
    if (principal.isEmpty()) {
      throw new NotAuthenticatedException(ctx.path());
    }
    boolean reads = ctx.method() == HandlerType.GET || ctx.method() == HandlerType.HEAD;
    if (!reads && !principal.get().admin()) {
      throw new DirectorException(ErrorCode.UNAUTHORIZED, "Require one of the scopes: bosh.admin");
    }
  }

  private static void notAuthenticated(Context ctx) {
    ctx.status(401);
    ctx.header("WWW-Authenticate", "Basic realm=\"BOSH Director\"");
    ctx.contentType("text/plain");
    ctx.result("Not authorized: '" + ctx.path() + "'\n");
  }

  static void error(Context ctx, int status, int code, String description) {
    ctx.attribute(ANSWERED, Boolean.TRUE);
    ctx.status(status);
    ctx.json(Map.of("code", code, "description", description == null ? "" : description));
  }

  private static void internalError(Context ctx, Exception e) {
    LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
    error(ctx, 500, 100, "internal error; see the director's log");
  }

  public ApiServer start() {
    app.start();
    return this;
  }

  /** The bound port (useful when started on port 0). */
  public int port() {
    return app.port();
  }

  @Override
  public void close() {
    app.stop();
  }
}
