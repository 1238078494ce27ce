package io.lazarus.director.agent;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * BOSH's HTTPS agent transport (the one create-env uses): {@code POST https://<ip>:6868/agent} with Basic auth
 * and the envelope as the body; the response body is the reply. Only certificates issued by the agents' CA are
 * trusted, and the certificate must name the agent's IP. Thread-safe; one instance serves every agent.
 */
public final class HttpsAgentTransport implements AgentTransport {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final X509Certificate agentsCa;
  private volatile HttpClient client;

  public HttpsAgentTransport(X509Certificate agentsCa) {
    this.agentsCa = agentsCa;
  }

  /** Made on first use: a Director without VMs keeps no client, selector thread or buffers for agents. */
  private HttpClient client() {
    HttpClient made = client;
    if (made == null) {
      synchronized (this) {
        if (client == null) {
          client = HttpClient.newBuilder()
              .sslContext(trusting(agentsCa))
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .build();
        }
        made = client;
      }
    }
    return made;
  }

  @Override
  public JsonNode send(AgentEndpoint endpoint, AgentRequest request, Duration timeout) throws AgentUnreachableException, InterruptedException {
    String credentials = Base64.getEncoder().encodeToString((endpoint.user() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8));
    HttpRequest http = HttpRequest.newBuilder(endpoint.url().resolve(URI.create("/agent")))
        .timeout(timeout)
        .header("Authorization", "Basic " + credentials)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Json.write(request.envelope())))
        .build();
    HttpResponse<String> response;
    try {
      response = sendRetryingOnce(http);
    } catch (HttpTimeoutException e) {
      throw new AgentUnreachableException("Timed out sending '" + request.method() + "' to " + endpoint + " after " + timeout.toSeconds() + " seconds", e);
    } catch (IOException e) {
      throw new AgentUnreachableException("Cannot reach " + endpoint + " for '" + request.method() + "': " + describe(e), e);
    }
    if (response.statusCode() == 401) {
      throw new AgentUnreachableException(endpoint + " refused the Director's credentials for '" + request.method() + "'", null);
    }
    if (response.statusCode() != 200) {
      throw new AgentUnreachableException(endpoint + " answered '" + request.method() + "' with HTTP " + response.statusCode() + ": " + abbreviate(response.body()), null);
    }
    try {
      return Json.mapper().readTree(response.body());
    } catch (JacksonException e) {
      throw new AgentUnreachableException(endpoint + " answered '" + request.method() + "' with a body that is not JSON: " + abbreviate(response.body()), e);
    }
  }

  /**
   * A kept-alive connection the agent has just closed fails the request before the agent saw it ("header parser
   * received no bytes"); one more try on a fresh connection tells that apart from an agent that is gone. A timeout
   * is not retried: the agent may be working on the request.
   */
  private HttpResponse<String> sendRetryingOnce(HttpRequest http) throws IOException, InterruptedException {
    try {
      return client().send(http, HttpResponse.BodyHandlers.ofString());
    } catch (HttpTimeoutException e) {
      throw e;
    } catch (IOException e) {
      return client().send(http, HttpResponse.BodyHandlers.ofString());
    }
  }

  private static SSLContext trusting(X509Certificate ca) {
    try {
      KeyStore trust = KeyStore.getInstance("PKCS12");
      trust.load(null, null);
      trust.setCertificateEntry("lazarus-agents-ca", ca);
      TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, factory.getTrustManagers(), null);
      return context;
    } catch (Exception e) {
      throw new IllegalStateException("cannot build the TLS context that trusts the agents' CA", e);
    }
  }

  private static String describe(IOException e) {
    Throwable root = e;
    while (root.getCause() != null && root.getMessage() == null) {
      root = root.getCause();
    }
    return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
  }

  private static String abbreviate(String body) {
    return body.length() <= 200 ? body : body.substring(0, 200) + "...";
  }
}
