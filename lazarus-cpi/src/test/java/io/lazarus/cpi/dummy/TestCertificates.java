package io.lazarus.cpi.dummy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Server certificates for tests, made with the JDK's own {@code keytool} (self-signed EC P-256, the IP as SAN),
 * so the CPI module's tests need no certificate library. The certificate is its own CA.
 */
record TestCertificates(String certificate, String privateKey) {
  private static final String PASSWORD = "test-pass";

  static TestCertificates issue(String ip, Path dir) throws IOException, InterruptedException {
    Path store = dir.resolve("cert-" + ip + ".p12");
    Files.deleteIfExists(store);
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-keyalg", "EC", "-groupname", "secp256r1",
        "-alias", "agent", "-dname", "CN=" + ip, "-ext", "SAN=ip:" + ip, "-validity", "2", "-storetype", "PKCS12",
        "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes());
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keys = KeyStore.getInstance("PKCS12");
      keys.load(in, PASSWORD.toCharArray());
      Certificate certificate = keys.getCertificate("agent");
      byte[] key = keys.getKey("agent", PASSWORD.toCharArray()).getEncoded();
      return new TestCertificates(pem("CERTIFICATE", certificate.getEncoded()), pem("PRIVATE KEY", key));
    } catch (java.security.GeneralSecurityException e) {
      throw new IOException("cannot read the keytool store " + store, e);
    }
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der) + "\n-----END " + type + "-----\n";
  }

  /** {@code create_vm}'s env as the Director gives it, with this certificate, for a DAV blobstore at {@code endpoint}. */
  java.util.Map<String, Object> env(String password, String blobstoreEndpoint, String blobstoreCa) {
    return java.util.Map.of("bosh", java.util.Map.of(
        "mbus", java.util.Map.of("user", "mbus", "password", password, "port", 6868,
            "cert", java.util.Map.of("ca", certificate, "certificate", certificate, "private_key", privateKey)),
        "blobstores", List.of(java.util.Map.of("provider", "dav", "options", java.util.Map.of(
            "endpoint", blobstoreEndpoint, "user", "agent", "password", "blob-secret",
            "tls", java.util.Map.of("cert", java.util.Map.of("ca", blobstoreCa)))))));
  }
}
