package io.lazarus.cpi.dummy;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A key manager holding one certificate chain and its key, for a server that presents nothing else. It replaces a
 * PKCS#12 key store, whose key entry costs a password-based encryption (some 30 ms of CPU) per VM for nothing.
 */
final class SingleKeyManager extends X509ExtendedKeyManager {
  private static final String ALIAS = "agent";

  private final X509Certificate[] chain;
  private final PrivateKey key;

  SingleKeyManager(X509Certificate[] chain, PrivateKey key) {
    this.chain = chain.clone();
    this.key = key;
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return keyType.equals(key.getAlgorithm()) ? ALIAS : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return keyType.equals(key.getAlgorithm()) ? new String[] {ALIAS} : null;
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    return ALIAS.equals(alias) ? chain.clone() : null;
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    return ALIAS.equals(alias) ? key : null;
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
