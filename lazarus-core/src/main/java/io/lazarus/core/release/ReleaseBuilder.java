package io.lazarus.core.release;

import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.optional;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.string;

import io.lazarus.core.archive.TarballWriter;
import io.lazarus.core.digest.Digests;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * Builds a BOSH release tarball from a release directory, as {@code bosh create-release --tarball} does: {@code
 * config/final.yml} ({@code final_name} or {@code name}), {@code jobs/<job>/spec}, {@code monit} and {@code
 * templates/}, {@code packages/<pkg>/spec} ({@code name}, {@code dependencies}, {@code files} globs under {@code
 * src/}) and {@code packaging}. Archives are reproducible (see {@link TarballWriter}) and each job's and package's
 * fingerprint is a digest of its files' names, modes and contents, so an unchanged job keeps its fingerprint.
 */
public final class ReleaseBuilder {
  private ReleaseBuilder() {}

  /**
   * Writes the release tarball for {@code version} to {@code tarball}.
   *
   * @throws YamlException naming the spec file, field and line of a malformed spec
   * @throws IOException when a file cannot be read or written, or a glob matches nothing (the message names it)
   */
  public static void build(Path releaseDir, String version, Path tarball) throws IOException {
    Path work = Files.createTempDirectory(tarball.toAbsolutePath().getParent(), ".release-");
    try {
      Map<String, Object> manifest = new LinkedHashMap<>();
      manifest.put("name", releaseName(releaseDir));
      manifest.put("version", version);
      manifest.put("commit_hash", "0000000");
      manifest.put("uncommitted_changes", false);
      manifest.put("jobs", buildJobs(releaseDir, work));
      manifest.put("packages", buildPackages(releaseDir, work));
      DumperOptions options = new DumperOptions();
      options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
      Files.writeString(work.resolve("release.MF"), new Yaml(options).dump(manifest));
      TarballWriter.writeDirectory(work, tarball);
    } finally {
      FileTrees.deleteRecursively(work);
    }
  }

  private static String releaseName(Path releaseDir) throws IOException {
    Path file = releaseDir.resolve("config/final.yml");
    YamlDocument doc = read(file);
    Map<String, Object> root = doc.rootMap();
    Object name = root.containsKey("final_name") ? root.get("final_name") : root.get("name");
    if (name == null) {
      throw doc.fail("", "missing required field 'final_name' (the release's name)");
    }
    return string(doc, root.containsKey("final_name") ? "final_name" : "name", name);
  }

  private static List<Map<String, Object>> buildJobs(Path releaseDir, Path work) throws IOException {
    List<Map<String, Object>> jobs = new ArrayList<>();
    Files.createDirectories(work.resolve("jobs"));
    for (Path jobDir : children(releaseDir.resolve("jobs"))) {
      YamlDocument spec = read(jobDir.resolve("spec"));
      Map<String, Object> root = spec.rootMap();
      String name = requiredString(spec, "", root, "name");
      SortedMap<String, Path> files = new TreeMap<>();
      files.put("./job.MF", jobDir.resolve("spec"));
      files.put("./monit", existing(jobDir.resolve("monit"), "job '" + name + "'"));
      Map<String, Object> templates = root.get("templates") == null ? Map.of() : map(spec, "templates", root.get("templates"));
      for (String source : templates.keySet()) {
        files.put("./templates/" + source, existing(jobDir.resolve("templates").resolve(source), "job '" + name + "' template"));
      }
      List<Object> packages = root.get("packages") == null ? List.of() : list(spec, "packages", root.get("packages"));
      jobs.add(archive(work.resolve("jobs/" + name + ".tgz"), name, files, Map.of("packages", packages)));
    }
    return jobs;
  }

  private static List<Map<String, Object>> buildPackages(Path releaseDir, Path work) throws IOException {
    List<Map<String, Object>> packages = new ArrayList<>();
    Files.createDirectories(work.resolve("packages"));
    Path src = releaseDir.resolve("src");
    for (Path packageDir : children(releaseDir.resolve("packages"))) {
      YamlDocument spec = read(packageDir.resolve("spec"));
      Map<String, Object> root = spec.rootMap();
      String name = requiredString(spec, "", root, "name");
      SortedMap<String, Path> files = new TreeMap<>();
      files.put("./packaging", existing(packageDir.resolve("packaging"), "package '" + name + "'"));
      List<Object> globs = optional(root, "files").isPresent() ? list(spec, "files", root.get("files")) : List.of();
      for (int i = 0; i < globs.size(); i++) {
        String glob = string(spec, "files[" + i + "]", globs.get(i));
        Map<String, Path> matched = match(src, glob);
        if (matched.isEmpty()) {
          throw new IOException(packageDir.resolve("spec") + ": files[" + i + "] '" + glob + "' matches no file under " + src);
        }
        matched.forEach((relative, file) -> files.put("./" + relative, file));
      }
      List<Object> dependencies = optional(root, "dependencies").isPresent() ? list(spec, "dependencies", root.get("dependencies")) : List.of();
      packages.add(archive(work.resolve("packages/" + name + ".tgz"), name, files, Map.of("dependencies", dependencies)));
    }
    return packages;
  }

  private static Map<String, Object> archive(Path tarball, String name, SortedMap<String, Path> files, Map<String, Object> extra) throws IOException {
    TarballWriter.write(files, tarball);
    String fingerprint = fingerprint(files);
    Map<String, Object> entry = new LinkedHashMap<>();
    entry.put("name", name);
    entry.put("version", fingerprint);
    entry.put("fingerprint", fingerprint);
    entry.put("sha1", "sha256:" + Digests.sha256(tarball));
    entry.putAll(extra);
    return entry;
  }

  /** A digest of each file's entry name, executable bit and content digest, in name order. */
  private static String fingerprint(SortedMap<String, Path> files) throws IOException {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      for (Map.Entry<String, Path> file : files.entrySet()) {
        String line = file.getKey() + " " + (Files.isExecutable(file.getValue()) ? "755" : "644") + " " + Digests.sha256(file.getValue()) + "\n";
        digest.update(line.getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-1 is part of every JDK", e);
    }
  }

  private static Map<String, Path> match(Path src, String glob) throws IOException {
    Map<String, Path> matched = new TreeMap<>();
    if (!Files.isDirectory(src)) {
      return matched;
    }
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    // Ruby's Dir.glob lets "**/" match no directory at all ("web/**/*" takes "web/Web.java"); Java's glob does not
    PathMatcher shallow = FileSystems.getDefault().getPathMatcher("glob:" + glob.replace("**/", ""));
    try (Stream<Path> walk = Files.walk(src)) {
      walk.filter(Files::isRegularFile)
          .filter(file -> matcher.matches(src.relativize(file)) || shallow.matches(src.relativize(file)))
          .forEach(file -> matched.put(src.relativize(file).toString(), file));
    }
    return matched;
  }

  private static List<Path> children(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(dir)) {
      return list.filter(Files::isDirectory).sorted().toList();
    }
  }

  private static Path existing(Path file, String owner) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(owner + ": " + file + " does not exist");
    }
    return file;
  }

  private static YamlDocument read(Path file) throws IOException {
    if (!Files.isRegularFile(file)) {
      throw new IOException(file + " does not exist");
    }
    return YamlDocument.parse(file.toString(), Files.readString(file));
  }
}
