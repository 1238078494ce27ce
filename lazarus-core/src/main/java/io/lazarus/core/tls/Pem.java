package io.lazarus.core.tls;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM certificates and private keys with the JDK alone: PKCS#8 {@code PRIVATE KEY} (RSA or EC) and PKCS#1
 * {@code RSA PRIVATE KEY}, which is wrapped into PKCS#8 because the JDK's key factories only take that.
 */
public final class Pem {
  private static final Pattern BLOCK =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----", Pattern.DOTALL);
  // AlgorithmIdentifier { rsaEncryption, NULL } in DER.
  private static final byte[] RSA_ALGORITHM =
      {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00};

  private Pem() {}

  /** Every certificate in {@code pem}, in order; {@code what} names the text in errors ("env.bosh.mbus.cert.ca"). */
  public static List<X509Certificate> certificates(String pem, String what) {
    List<X509Certificate> certificates = new ArrayList<>();
    try {
      CertificateFactory factory = CertificateFactory.getInstance("X.509");
      for (Block block : blocks(pem)) {
        if (block.type().equals("CERTIFICATE")) {
          certificates.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(block.der())));
        }
      }
    } catch (CertificateException e) {
      throw new TlsException(what + ": not a valid PEM certificate (" + e.getMessage() + ")", e);
    }
    if (certificates.isEmpty()) {
      throw new TlsException(what + ": no '-----BEGIN CERTIFICATE-----' block found");
    }
    return certificates;
  }

  /** The first private key in {@code pem}. */
  public static PrivateKey privateKey(String pem, String what) {
    for (Block block : blocks(pem)) {
      switch (block.type()) {
        case "PRIVATE KEY" -> {
          return pkcs8(block.der(), what);
        }
        case "RSA PRIVATE KEY" -> {
          return pkcs8(wrapPkcs1(block.der()), what);
        }
        case "ENCRYPTED PRIVATE KEY" -> throw new TlsException(what + ": encrypted private keys are not supported; give the key unencrypted");
        default -> {
          // certificates and parameters next to the key are skipped
        }
      }
    }
    throw new TlsException(what + ": no '-----BEGIN PRIVATE KEY-----' or '-----BEGIN RSA PRIVATE KEY-----' block found");
  }

  private static PrivateKey pkcs8(byte[] der, String what) {
    PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
    GeneralSecurityException last = null;
    for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
      try {
        return KeyFactory.getInstance(algorithm).generatePrivate(spec);
      } catch (GeneralSecurityException e) {
        last = e;
      }
    }
    throw new TlsException(what + ": not an RSA, EC or Ed25519 private key (" + last.getMessage() + ")", last);
  }

  /** PrivateKeyInfo ::= SEQUENCE { version 0, AlgorithmIdentifier rsaEncryption, OCTET STRING pkcs1 }. */
  static byte[] wrapPkcs1(byte[] pkcs1) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(new byte[] {0x02, 0x01, 0x00});
    body.writeBytes(RSA_ALGORITHM);
    body.writeBytes(tagged(0x04, pkcs1));
    return tagged(0x30, body.toByteArray());
  }

  private static byte[] tagged(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else {
      int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
      out.write(0x80 | bytes);
      for (int i = bytes - 1; i >= 0; i--) {
        out.write(length >>> (8 * i));
      }
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  private record Block(String type, byte[] der) {}

  private static List<Block> blocks(String pem) {
    List<Block> blocks = new ArrayList<>();
    Matcher matcher = BLOCK.matcher(pem == null ? "" : pem);
    while (matcher.find()) {
      String base64 = matcher.group(2).replaceAll("\\s", "");
      blocks.add(new Block(matcher.group(1), Base64.getDecoder().decode(base64)));
    }
    return blocks;
  }
}
