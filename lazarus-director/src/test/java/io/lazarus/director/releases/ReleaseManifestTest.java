package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import org.junit.jupiter.api.Test;

class ReleaseManifestTest {
  private static final String GOOD =
      """
      name: demo
      version: 1+dev.2
      commit_hash: abc123
      uncommitted_changes: true
      jobs:
      - name: web
        version: f1
        fingerprint: f1
        sha1: sha256:0123abcd
        packages: [ruby]
      packages:
      - name: ruby
        version: p1
        fingerprint: p1
        sha1: 0123456789abcdef0123456789abcdef01234567
        dependencies: []
      """;

  private static ReleaseManifest parse(String text) {
    return ReleaseManifest.parse(YamlDocument.parse(ReleaseManifest.FILE, text), text);
  }

  @Test
  void readsNameVersionCommitJobsAndPackages() {
    ReleaseManifest manifest = parse(GOOD);
    assertThat(manifest.name()).isEqualTo("demo");
    assertThat(manifest.version()).isEqualTo("1+dev.2");
    assertThat(manifest.commitHash()).isEqualTo("abc123");
    assertThat(manifest.uncommittedChanges()).isTrue();
    assertThat(manifest.jobs()).containsExactly(new ReleaseManifest.JobEntry("web", "f1", "f1", "sha256:0123abcd", java.util.List.of("ruby")));
    assertThat(manifest.packages()).extracting(ReleaseManifest.PackageEntry::name).containsExactly("ruby");
    assertThat(manifest.text()).isEqualTo(GOOD);
  }

  @Test
  void numericVersionsAreStringsAndMissingCommitIsUnknown() {
    ReleaseManifest manifest = parse("name: demo\nversion: 3\n");
    assertThat(manifest.version()).isEqualTo("3");
    assertThat(manifest.commitHash()).isEqualTo("unknown");
    assertThat(manifest.jobs()).isEmpty();
  }

  @Test
  void errorsNameTheFileTheFieldAndTheLine() {
    assertThatThrownBy(() -> parse(GOOD.replace("  fingerprint: p1\n", "")))
        .isInstanceOf(YamlException.class)
        .hasMessageContaining("release.MF: line 12")
        .hasMessageContaining("'packages[0]': missing required field 'fingerprint'");
    assertThatThrownBy(() -> parse(GOOD.replace("sha1: sha256:0123abcd", "sha1: md5:abc"))).hasMessageContaining("line 9").hasMessageContaining("jobs[0].sha1").hasMessageContaining("unsupported digest algorithm 'md5'");
    assertThatThrownBy(() -> parse(GOOD.replace("packages: [ruby]", "packages: ruby"))).hasMessageContaining("'jobs[0].packages': expected a list");
    assertThatThrownBy(() -> parse("name: demo\nversion: not a version\n")).hasMessageContaining("line 2").hasMessageContaining("Release version invalid: not a version");
    assertThatThrownBy(() -> parse("name: [demo]\nversion: 1\n")).hasMessageContaining("'name': expected a string");
    assertThatThrownBy(() -> parse("name: demo\nversion: 1\n  bad: indent")).hasMessageContaining("release.MF").hasMessageContaining("invalid YAML");
  }

  @Test
  void refusesNamesThatAreNotPlainFileNames() {
    assertThatThrownBy(() -> parse(GOOD.replace("- name: web", "- name: ../../etc/web"))).hasMessageContaining("'jobs[0].name'").hasMessageContaining("is not a valid name");
    assertThatThrownBy(() -> parse(GOOD.replace("- name: ruby", "- name: .hidden"))).hasMessageContaining("is not a valid name");
  }

  @Test
  void refusesDuplicatesAndCompiledReleases() {
    String twice = GOOD + "- name: ruby\n  version: p2\n  fingerprint: p2\n  sha1: abcd\n";
    assertThatThrownBy(() -> parse(twice)).hasMessageContaining("package 'ruby' is listed twice");
    assertThatThrownBy(() -> parse("name: demo\nversion: 1\ncompiled_packages: []\n")).hasMessageContaining("compiled releases are not supported");
  }
}
