package io.lazarus.director.api;

import io.lazarus.core.json.Json;
import io.lazarus.director.testing.ApiClient;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLSocket;

/**
 * HTTP/1.1 as bosh CLI v7's Go client puts it on the wire, written by hand so nothing is added or left out: TLS 1.2
 * with only the two ECDHE-RSA AES-GCM suites the CLI allows, one connection per request ({@code Connection: close},
 * keep-alives off), Go's {@code User-Agent}, {@code Accept-Encoding: gzip} unless a {@code Range} is asked for, a
 * {@code Content-Length} on every body, and Basic credentials once logged in. Paths and queries are sent exactly as
 * given, so tests spell out Go's sorted query strings.
 */
final class BoshCliTransport {
  static final List<String> CIPHER_SUITES =
      List.of("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384");

  private final URI base;
  private final Path caFile;
  private final String authorization;

  private BoshCliTransport(URI base, Path caFile, String authorization) {
    this.base = base;
    this.caFile = caFile;
    this.authorization = authorization;
  }

  static BoshCliTransport anonymous(URI base, Path caFile) {
    return new BoshCliTransport(base, caFile, null);
  }

  BoshCliTransport basic(String client, String secret) {
    String pair = client + ":" + secret;
    return new BoshCliTransport(base, caFile,
        "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
  }

  /** What came back; header names are lower-case, the body is un-gzipped. */
  record Response(int status, Map<String, String> headers, byte[] body, String tlsProtocol, String cipherSuite) {
    String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    Object json() {
      return Json.read(text(), Object.class);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> array() {
      return (List<Map<String, Object>>) json();
    }

    String header(String name) {
      return headers.get(name.toLowerCase());
    }
  }

  Response get(String pathAndQuery) {
    return send("GET", pathAndQuery, Map.of(), null);
  }

  Response send(String method, String pathAndQuery, Map<String, String> extraHeaders, byte[] body) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Host", base.getHost() + ":" + base.getPort());
    headers.put("User-Agent", "Go-http-client/1.1");
    if (body != null) {
      headers.put("Content-Length", Integer.toString(body.length));
    }
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    headers.putAll(extraHeaders);
    headers.put("Connection", "close");
    if (!extraHeaders.containsKey("Range")) {
      headers.put("Accept-Encoding", "gzip"); // Go asks for gzip itself unless the caller wants a byte range
    }
    StringBuilder head = new StringBuilder(method + " " + pathAndQuery + " HTTP/1.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("\r\n");
    try (SSLSocket socket = (SSLSocket) ApiClient.trusting(caFile).getSocketFactory()
        .createSocket(base.getHost(), base.getPort())) {
      socket.setEnabledProtocols(new String[] {"TLSv1.2"});
      socket.setEnabledCipherSuites(CIPHER_SUITES.toArray(String[]::new));
      socket.setSoTimeout(30_000);
      socket.startHandshake();
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      if (body != null) {
        out.write(body);
      }
      out.flush();
      Response response = read(new BufferedInputStream(socket.getInputStream()));
      return new Response(response.status(), response.headers(), response.body(),
          socket.getSession().getProtocol(), socket.getSession().getCipherSuite());
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery, e);
    }
  }

  private static Response read(InputStream in) throws IOException {
    String statusLine = line(in);
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new TreeMap<>();
    for (String line = line(in); !line.isEmpty(); line = line(in)) {
      int colon = line.indexOf(':');
      headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
    }
    byte[] body;
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      body = chunked(in);
    } else if (headers.containsKey("content-length")) {
      body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
    } else {
      body = in.readAllBytes(); // Connection: close ends the body
    }
    if ("gzip".equalsIgnoreCase(headers.get("content-encoding"))) {
      body = new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes();
    }
    return new Response(status, headers, body, null, null);
  }

  private static byte[] chunked(InputStream in) throws IOException {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    while (true) {
      String sizeLine = line(in);
      int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
      if (size == 0) {
        while (!line(in).isEmpty()) {
          // trailers are not used by the CLI
        }
        return body.toByteArray();
      }
      body.write(in.readNBytes(size));
      line(in);
    }
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b == -1) {
        throw new IOException("connection closed mid-line");
      }
      if (b != '\r') {
        line.write(b);
      }
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
