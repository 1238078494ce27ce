package io.lazarus.director.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.configs.LineDiff;
import org.junit.jupiter.api.Test;

class ManifestRedactionTest {
  private static final String MANIFEST = """
      name: demo
      releases:
      - {name: demo, version: 1, url: "https://user:s3cret@releases.example.com/demo.tgz"}
      properties: {admin_password: hunter2, ports: [80, 443]}
      instance_groups:
      - name: web
        instances: 2
        jobs:
        - name: web
          properties:
            tls: {key: PRIVATE, enabled: true}
        env:
          bosh: {password: crypted}
      """;

  @Test
  void valuesUnderPropertiesAndBoshAndReleaseUrlCredentialsAreRedacted() {
    String redacted = ManifestRedaction.redact(MANIFEST);

    assertThat(redacted).doesNotContain("hunter2", "PRIVATE", "crypted", "s3cret", "user:", "443")
        .contains("admin_password: <redacted>", "key: <redacted>", "enabled: <redacted>", "password: <redacted>")
        .contains("url: https://<redacted>:<redacted>@releases.example.com/demo.tgz")
        .contains("instances: 2", "name: web");
  }

  @Test
  void aChangedSecretShowsNoLineOfItsValueWhileAChangedCountDoes() {
    String next = MANIFEST.replace("hunter2", "swordfish").replace("instances: 2", "instances: 3");

    var lines = LineDiff.diff(ManifestRedaction.redact(MANIFEST), ManifestRedaction.redact(next));

    assertThat(lines).filteredOn(line -> line.status() != null).extracting(LineDiff.Line::text, LineDiff.Line::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("  instances: 2", "removed"), org.assertj.core.groups.Tuple.tuple("  instances: 3", "added"));
  }

  @Test
  void noManifestYetIsEmpty() {
    assertThat(ManifestRedaction.redact("")).isEmpty();
  }
}
