package io.lazarus.core.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DigestsTest {
  @TempDir Path dir;

  private static final String SHA1_ABC = "a9993e364706816aba3e25717850c26c9cd0d89d";
  private static final String SHA256_ABC = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

  @Test
  void matchesPlainSha1Sha256AndMultiDigests() throws Exception {
    Path file = Files.writeString(dir.resolve("f"), "abc");
    assertThat(Digests.matches(file, SHA1_ABC)).isTrue();
    assertThat(Digests.matches(file, "sha256:" + SHA256_ABC)).isTrue();
    assertThat(Digests.matches(file, SHA1_ABC + ";sha256:" + SHA256_ABC)).isTrue();
    assertThat(Digests.matches(file, SHA1_ABC + ";sha256:" + SHA256_ABC.replace('b', 'c'))).isFalse();
    assertThat(Digests.matches(file, SHA1_ABC.toUpperCase())).isTrue();
  }

  @Test
  void rejectsMalformedDigests() {
    assertThatThrownBy(() -> Digests.parse("")).hasMessage("digest is empty");
    assertThatThrownBy(() -> Digests.parse("md5:abc")).hasMessage("unsupported digest algorithm 'md5'");
    assertThatThrownBy(() -> Digests.parse("sha1:xyz")).hasMessage("digest 'sha1:xyz' is not hexadecimal");
  }
}
