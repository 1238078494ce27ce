package io.lazarus.cpi.dummy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A small gzipped tar holding one text file: what the simulated agent uploads where the real one uploads a compiled
 * package or a log bundle, so the Director stores, records and hands out a real blob.
 */
record FakeTarball(byte[] bytes, String sha1) {

  static FakeTarball of(String fileName, String text) {
    byte[] content = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(buffer))) {
      TarArchiveEntry entry = new TarArchiveEntry(fileName);
      entry.setSize(content.length);
      entry.setMode(0644);
      tar.putArchiveEntry(entry);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write an in-memory tarball", e);
    }
    byte[] bytes = buffer.toByteArray();
    return new FakeTarball(bytes, sha1(bytes));
  }

  private static String sha1(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("JDK lacks SHA-1", e);
    }
  }
}
