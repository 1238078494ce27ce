package io.lazarus.core.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarballExtractorTest {
  @TempDir Path dir;

  private Path tarball(EntryWriter writer) throws IOException {
    Path file = dir.resolve("t" + System.nanoTime() + ".tgz");
    try (OutputStream out = Files.newOutputStream(file);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      writer.write(tar);
    }
    return file;
  }

  private interface EntryWriter {
    void write(TarArchiveOutputStream tar) throws IOException;
  }

  private static void file(TarArchiveOutputStream tar, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    TarArchiveEntry entry = new TarArchiveEntry(name, true);
    entry.setSize(bytes.length);
    entry.setMode(0755);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void symlink(TarArchiveOutputStream tar, String name, String target) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
    entry.setLinkName(target);
    tar.putArchiveEntry(entry);
    tar.closeArchiveEntry();
  }

  @Test
  void extractsFilesDirectoriesAndInnerLinks() throws Exception {
    Path archive = tarball(tar -> {
      file(tar, "./release.MF", "name: demo\n");
      file(tar, "./jobs/web/bin/run", "#!/bin/sh\n");
      symlink(tar, "./jobs/web/current", "bin");
    });
    Path target = dir.resolve("out");
    new TarballExtractor(1 << 20).extract(archive, target, "release tarball");
    assertThat(target.resolve("release.MF")).hasContent("name: demo");
    assertThat(Files.isExecutable(target.resolve("jobs/web/bin/run"))).isTrue();
    assertThat(Files.isSymbolicLink(target.resolve("jobs/web/current"))).isTrue();
  }

  @Test
  void refusesDotDotAbsolutePathsAndLinksOutOfTheTree() throws Exception {
    TarballExtractor extractor = new TarballExtractor(1 << 20);
    Path dotDot = tarball(tar -> file(tar, "jobs/../../evil", "x"));
    Path absolute = tarball(tar -> file(tar, "/etc/evil", "x"));
    Path link = tarball(tar -> symlink(tar, "passwd", "/etc/passwd"));
    Path relativeLink = tarball(tar -> symlink(tar, "a/up", "../../outside"));
    assertThatThrownBy(() -> extractor.extract(dotDot, dir.resolve("o1"), "r.tgz")).isInstanceOf(UnsafeArchiveException.class).hasMessage("r.tgz: entry 'jobs/../../evil' contains '..'");
    assertThatThrownBy(() -> extractor.extract(absolute, dir.resolve("o2"), "r.tgz")).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("absolute path");
    assertThatThrownBy(() -> extractor.extract(link, dir.resolve("o3"), "r.tgz")).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("links to '/etc/passwd', outside the archive");
    assertThatThrownBy(() -> extractor.extract(relativeLink, dir.resolve("o4"), "r.tgz")).isInstanceOf(UnsafeArchiveException.class).hasMessageContaining("outside the archive");
    assertThat(dir.resolve("evil")).doesNotExist();
  }

  @Test
  void boundsTheUnpackedSizeAndRejectsGarbage() throws Exception {
    Path big = tarball(tar -> file(tar, "big", "x".repeat(2000)));
    assertThatThrownBy(() -> new TarballExtractor(1000).extract(big, dir.resolve("o5"), "s.tgz")).hasMessage("s.tgz: unpacks to more than the allowed size");
    Path garbage = Files.writeString(dir.resolve("garbage.tgz"), "this is not a tarball at all, not even close to one");
    assertThatThrownBy(() -> new TarballExtractor(1000).extract(garbage, dir.resolve("o6"), "g.tgz")).isInstanceOf(UnsafeArchiveException.class).hasMessageStartingWith("g.tgz: ");
  }
}
