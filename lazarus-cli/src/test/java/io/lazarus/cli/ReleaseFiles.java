package io.lazarus.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * Writes source-release tarballs the Director accepts: release.MF with right digests, {@code packages/<name>.tgz}
 * (a packaging script and source files) and one job using all packages. Fingerprints derive from the content, so
 * equal content in two versions is the same package to the Director.
 */
final class ReleaseFiles {
  private record Pkg(String name, String fingerprint, Path archive) {}

  private final Path dir;
  private final String name;
  private final List<Pkg> packages = new ArrayList<>();

  ReleaseFiles(Path dir, String name) {
    this.dir = dir;
    this.name = name;
  }

  ReleaseFiles pkg(String pkgName, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.UTF_8);
    String fingerprint = sha1(bytes);
    Path archive = dir.resolve(name + "-" + pkgName + "-" + fingerprint + ".tgz");
    try (TarArchiveOutputStream tar = gzipTar(archive)) {
      put(tar, "packaging", "set -e\ncp -a source ${BOSH_INSTALL_TARGET}\n".getBytes(StandardCharsets.UTF_8));
      put(tar, "source", bytes);
    }
    packages.add(new Pkg(pkgName, fingerprint, archive));
    return this;
  }

  /**
   * A package of {@code files} small source files: cheap to build and upload, but seconds of work for a Director
   * that unpacks it to check it.
   */
  ReleaseFiles pkgOfManyFiles(String pkgName, int files) throws IOException {
    String fingerprint = sha1((pkgName + "/" + files).getBytes(StandardCharsets.UTF_8));
    Path archive = dir.resolve(name + "-" + pkgName + "-" + fingerprint + ".tgz");
    try (TarArchiveOutputStream tar = gzipTar(archive)) {
      put(tar, "packaging", "set -e\ncp -a src ${BOSH_INSTALL_TARGET}\n".getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < files; i++) {
        put(tar, "src/" + (i / 1000) + "/file-" + i + ".txt", ("source file " + i + "\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    packages.add(new Pkg(pkgName, fingerprint, archive));
    return this;
  }

  Path write(String version) throws IOException {
    StringBuilder mf = new StringBuilder("name: " + name + "\nversion: '" + version
        + "'\ncommit_hash: abc1234\nuncommitted_changes: false\npackages:\n");
    List<String> names = new ArrayList<>();
    for (Pkg pkg : packages) {
      names.add(pkg.name());
      mf.append("- name: ").append(pkg.name()).append("\n  version: ").append(pkg.fingerprint())
          .append("\n  fingerprint: ").append(pkg.fingerprint()).append("\n  sha1: ").append(sha1(pkg.archive()))
          .append("\n  dependencies: []\n");
    }
    Path job = tgz(dir.resolve(name + "-job.tgz"), List.of(
        new Entry("job.MF", "---\nname: web\ntemplates: {}\npackages: " + names + "\nproperties: {}\n"),
        new Entry("monit", "check process web\n  with pidfile /var/vcap/sys/run/web/pid\n")));
    String jobFingerprint = sha1(("web" + names).getBytes(StandardCharsets.UTF_8));
    mf.append("jobs:\n- name: web\n  version: ").append(jobFingerprint).append("\n  fingerprint: ").append(jobFingerprint)
        .append("\n  sha1: ").append(sha1(job)).append("\n  packages: ").append(names).append("\n");
    Path tarball = dir.resolve(name + "-" + version + ".tgz");
    try (TarArchiveOutputStream tar = gzipTar(tarball)) {
      put(tar, "release.MF", mf.toString().getBytes(StandardCharsets.UTF_8));
      put(tar, "jobs/web.tgz", job);
      for (Pkg pkg : packages) {
        put(tar, "packages/" + pkg.name() + ".tgz", pkg.archive());
      }
    }
    return tarball;
  }

  private record Entry(String name, String text) {}

  private static Path tgz(Path file, List<Entry> entries) throws IOException {
    try (TarArchiveOutputStream tar = gzipTar(file)) {
      for (Entry entry : entries) {
        put(tar, entry.name(), entry.text().getBytes(StandardCharsets.UTF_8));
      }
    }
    return file;
  }

  private static TarArchiveOutputStream gzipTar(Path file) throws IOException {
    TarArchiveOutputStream tar = new TarArchiveOutputStream(
        new GzipCompressorOutputStream(new BufferedOutputStream(Files.newOutputStream(file))));
    tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    return tar;
  }

  private static void put(TarArchiveOutputStream tar, String entryName, byte[] bytes) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(entryName);
    entry.setSize(bytes.length);
    tar.putArchiveEntry(entry);
    tar.write(bytes);
    tar.closeArchiveEntry();
  }

  private static void put(TarArchiveOutputStream tar, String entryName, Path file) throws IOException {
    TarArchiveEntry entry = new TarArchiveEntry(entryName);
    entry.setSize(Files.size(file));
    tar.putArchiveEntry(entry);
    Files.copy(file, tar);
    tar.closeArchiveEntry();
  }

  private static String sha1(byte[] bytes) {
    return HexFormat.of().formatHex(digest().digest(bytes));
  }

  private static String sha1(Path file) throws IOException {
    MessageDigest digest = digest();
    try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
