package io.lazarus.agent.tls;

import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Loads and initialises the JDK's TLS machinery (providers, key factories, a first SSL context) on a second core
 * while the main thread reads settings: together they are most of the agent's start-up, and they do not depend
 * on each other. Purely an optimisation: a failure here surfaces again, with its context, where TLS is really set up.
 */
public final class TlsWarmUp {
  private TlsWarmUp() {}

  public static void startInBackground() {
    Thread.ofPlatform().name("tls-warm-up").daemon().start(TlsWarmUp::warmUp);
  }

  private static void warmUp() {
    try {
      CertificateFactory.getInstance("X.509");
      KeyFactory.getInstance("RSA");
      KeyStore.getInstance("PKCS12").load(null, null);
      KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      // Empty managers, not null: null would load the JDK's cacerts store, which the agent never uses.
      SSLContext.getInstance("TLS").init(new KeyManager[0], new TrustManager[0], null);
      Class.forName("com.sun.net.httpserver.HttpsServer");
    } catch (Exception | LinkageError e) {
      // nothing to do: the real set-up reports its own failure
    }
  }
}
