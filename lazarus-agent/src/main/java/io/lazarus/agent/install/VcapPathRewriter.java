package io.lazarus.agent.install;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * In plain mode a VM's files are not at {@code /var/vcap}, so rendered job files that name it would miss their
 * packages, logs and pid files. This rewrites {@code /var/vcap} to the VM's root in every text file of a tree
 * (a file with a NUL byte in its first 8 KiB is binary and left alone). Permissions are kept.
 */
public final class VcapPathRewriter {
  private static final String STANDARD = "/var/vcap";
  private static final int SNIFF_BYTES = 8192;

  private final String replacement;

  public VcapPathRewriter(Path root) {
    this.replacement = root.toString();
  }

  /** @return how many files were rewritten */
  public int rewriteTree(Path directory) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files = walk.filter(Files::isRegularFile).toList();
    }
    int rewritten = 0;
    for (Path file : files) {
      if (rewrite(file)) {
        rewritten++;
      }
    }
    return rewritten;
  }

  boolean rewrite(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    for (int i = 0; i < Math.min(bytes.length, SNIFF_BYTES); i++) {
      if (bytes[i] == 0) {
        return false;
      }
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    if (!text.contains(STANDARD)) {
      return false;
    }
    Files.writeString(file, rewritePaths(text), StandardCharsets.UTF_8);
    return true;
  }

  /** Replaces {@code /var/vcap} where it starts a path: followed by {@code /}, the end, or a non-name character. */
  String rewritePaths(String text) {
    StringBuilder out = new StringBuilder(text.length());
    int from = 0;
    int at;
    while ((at = text.indexOf(STANDARD, from)) >= 0) {
      int end = at + STANDARD.length();
      boolean pathEnds = end == text.length() || !isNameChar(text.charAt(end));
      out.append(text, from, at).append(pathEnds ? replacement : STANDARD);
      from = end;
    }
    return out.append(text, from, text.length()).toString();
  }

  private static boolean isNameChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }
}
