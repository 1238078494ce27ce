package io.lazarus.agent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.agent.blobstore.LocalBlobstore;
import io.lazarus.agent.rpc.RpcException;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VerifiedDownloadTest {
  // sha1("hello") and sha256("hello")
  static final String SHA1 = "aaf4c61ddcc5e8a2dabede0f3b482cd9aea9434d";
  static final String SHA256 = "2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824";

  @TempDir Path dir;

  VerifiedDownload download() throws Exception {
    LocalBlobstore store = new LocalBlobstore(dir.resolve("blobs"));
    store.write("blob-1", new ByteArrayInputStream("hello".getBytes()));
    return new VerifiedDownload(store, dir.resolve("tmp"));
  }

  @Test
  void acceptsABlobMatchingEveryListedDigest() throws Exception {
    Path file = download().fetch("blob-1", SHA1 + ";sha256:" + SHA256, "package 'x' 1");
    assertThat(file).hasContent("hello");
  }

  @Test
  void refusesABlobThatDoesNotMatchAndLeavesNoFileBehind() throws Exception {
    VerifiedDownload download = download();
    assertThatThrownBy(() -> download.fetch("blob-1", "sha256:" + SHA256.replace('2', '3'), "package 'x' 1"))
        .isInstanceOf(RpcException.class)
        .hasMessage("package 'x' 1: blob blob-1 does not match its digest sha256:" + SHA256.replace('2', '3') + " (got sha1 " + SHA1 + ")");
    try (var files = Files.list(dir.resolve("tmp"))) {
      assertThat(files).isEmpty();
    }
  }

  @Test
  void refusesAMalformedDigestNamingIt() throws Exception {
    VerifiedDownload download = download();
    assertThatThrownBy(() -> download.fetch("blob-1", "md5:abc", "job 'web'"))
        .hasMessageStartingWith("job 'web': bad digest 'md5:abc'");
  }

  @Test
  void aMissingBlobNamesTheStore() throws Exception {
    VerifiedDownload download = download();
    assertThatThrownBy(() -> download.fetch("blob-2", SHA1, "package 'x' 1")).hasMessageContaining("no blob 'blob-2'");
  }
}
