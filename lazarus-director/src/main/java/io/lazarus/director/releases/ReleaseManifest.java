package io.lazarus.director.releases;

import static io.lazarus.core.yaml.YamlValues.bool;
import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.list;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;
import static io.lazarus.core.yaml.YamlValues.string;

import io.lazarus.core.digest.Digests;
import io.lazarus.core.yaml.YamlDocument;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A release's {@code release.MF}: name, version, commit, and the jobs and packages with their fingerprints and
 * digests. Names are checked to be plain file names, since {@code jobs/<name>.tgz} is read from them.
 */
public record ReleaseManifest(
    String name, String version, String commitHash, boolean uncommittedChanges, List<JobEntry> jobs, List<PackageEntry> packages, String text) {
  public static final String FILE = "release.MF";
  private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.+-]*");

  /** A job as release.MF lists it; {@code packages} is empty for releases made before the CLI listed them. */
  public record JobEntry(String name, String version, String fingerprint, String sha1, List<String> packages) {}

  /** A package as release.MF lists it. */
  public record PackageEntry(String name, String version, String fingerprint, String sha1, List<String> dependencies) {}

  /**
   * Reads and checks the manifest.
   *
   * @throws io.lazarus.core.yaml.YamlException naming release.MF, the field and its line
   */
  public static ReleaseManifest parse(YamlDocument doc, String text) {
    Map<String, Object> root = doc.rootMap();
    if (root.get("compiled_packages") != null) {
      throw doc.fail("compiled_packages", "compiled releases are not supported by this director yet; upload the source release");
    }
    String name = safeName(doc, "", root, "name");
    String version = requiredString(doc, "", root, "version");
    if (SemiSemanticVersion.parse(version).isEmpty()) {
      throw doc.fail("version", "Release version invalid: " + version);
    }
    String commit = optionalString(doc, "", root, "commit_hash").orElse("unknown");
    boolean uncommitted = root.get("uncommitted_changes") != null && bool(doc, "uncommitted_changes", root.get("uncommitted_changes"));
    List<JobEntry> jobs = new ArrayList<>();
    Set<String> jobNames = new HashSet<>();
    List<Object> jobList = root.get("jobs") == null ? List.of() : list(doc, "jobs", root.get("jobs"));
    for (int i = 0; i < jobList.size(); i++) {
      String path = "jobs[" + i + "]";
      Map<String, Object> job = map(doc, path, jobList.get(i));
      JobEntry entry = new JobEntry(safeName(doc, path, job, "name"), requiredString(doc, path, job, "version"), requiredString(doc, path, job, "fingerprint"), digest(doc, path, job), names(doc, path, job, "packages"));
      if (!jobNames.add(entry.name())) {
        throw doc.fail(child(path, "name"), "job '" + entry.name() + "' is listed twice");
      }
      jobs.add(entry);
    }
    List<PackageEntry> packages = new ArrayList<>();
    Set<String> packageNames = new HashSet<>();
    List<Object> packageList = root.get("packages") == null ? List.of() : list(doc, "packages", root.get("packages"));
    for (int i = 0; i < packageList.size(); i++) {
      String path = "packages[" + i + "]";
      Map<String, Object> pkg = map(doc, path, packageList.get(i));
      PackageEntry entry = new PackageEntry(safeName(doc, path, pkg, "name"), requiredString(doc, path, pkg, "version"), requiredString(doc, path, pkg, "fingerprint"), digest(doc, path, pkg), names(doc, path, pkg, "dependencies"));
      if (!packageNames.add(entry.name())) {
        throw doc.fail(child(path, "name"), "package '" + entry.name() + "' is listed twice");
      }
      packages.add(entry);
    }
    return new ReleaseManifest(name, version, commit, uncommitted, List.copyOf(jobs), List.copyOf(packages), text);
  }

  private static String safeName(YamlDocument doc, String path, Map<String, Object> map, String key) {
    String value = requiredString(doc, path, map, key);
    if (!SAFE_NAME.matcher(value).matches()) {
      throw doc.fail(child(path, key), "'" + value + "' is not a valid name (letters, digits, '_', '-', '.', '+'; not starting with '.')");
    }
    return value;
  }

  private static String digest(YamlDocument doc, String path, Map<String, Object> map) {
    String value = requiredString(doc, path, map, "sha1");
    try {
      Digests.parse(value);
    } catch (IllegalArgumentException e) {
      throw doc.fail(child(path, "sha1"), e.getMessage());
    }
    return value;
  }

  private static List<String> names(YamlDocument doc, String path, Map<String, Object> map, String key) {
    if (map.get(key) == null) {
      return List.of();
    }
    List<Object> values = list(doc, child(path, key), map.get(key));
    List<String> names = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      names.add(string(doc, child(path, key) + "[" + i + "]", values.get(i)));
    }
    return List.copyOf(names);
  }
}
