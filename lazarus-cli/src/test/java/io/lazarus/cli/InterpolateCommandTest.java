package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lazarus interpolate} with the bosh CLI's flags; it needs no Director. */
class InterpolateCommandTest {
  @TempDir
  Path dir;

  private Path write(String name, String text) throws Exception {
    return Files.writeString(dir.resolve(name), text);
  }

  private CliRun cli() {
    return new CliRun(dir).variable("DEPLOY_system_domain", "example.com").variable("DEPLOY_azs", "[z1, z2]");
  }

  @Test
  void appliesOpsFilesInOrderThenEveryKindOfVariable() throws Exception {
    Path manifest = write("m.yml", """
        name: ((name))
        instance_groups:
        - name: web
          azs: ((azs))
          instances: 1
        properties:
          domain: api.((system_domain))
          cert: ((cert))
        """);
    Path scale = write("scale.yml", """
        - type: replace
          path: /instance_groups/name=web/instances
          value: ((web_instances))
        """);
    Path more = write("more.yml", """
        - type: replace
          path: /instance_groups/name=web/instances
          value: 3
        - type: replace
          path: /properties/extra?
          value: ((extra))
        """);
    Path vars = write("vars.yml", "name: from-file\nextra: {a: 1}\n");
    Path cert = write("cert.pem", "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");

    CliRun.Result result = cli().run("int", manifest.toString(), "-o", scale.toString(), "-o", more.toString(), "--vars-env", "DEPLOY",
        "-l", vars.toString(), "--var-file", "cert=" + cert, "-v", "name=from-flag", "-v", "web_instances=2");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(result.out()).isEqualTo("""
        instance_groups:
        - azs:
          - z1
          - z2
          instances: 3
          name: web
        name: from-flag
        properties:
          cert: |
            -----BEGIN CERTIFICATE-----
            MIIB
            -----END CERTIFICATE-----
          domain: api.example.com
          extra:
            a: 1
        """);
  }

  @Test
  void pathPrintsOneValueAndAStringBare() throws Exception {
    Path store = dir.resolve("creds.yml");
    Path manifest = write("m.yml", "variables:\n- name: admin_password\n  type: password\n- name: ssh\n  type: ssh\n");
    CliRun cli = cli();

    assertThat(cli.run("int", manifest.toString(), "--vars-store", store.toString()).out()).isEqualTo("variables: []\n");
    String password = cli.run("int", store.toString(), "--path", "/admin_password").out();
    assertThat(password).matches("[a-z0-9]{20}\n");
    assertThat(cli.run("int", store.toString(), "--path", "/ssh/private_key").out()).startsWith("-----BEGIN RSA PRIVATE KEY-----\n");
    assertThat(((Map<?, ?>) GoYaml.load("store", Files.readString(store))).get("admin_password") + "\n").isEqualTo(password);
  }

  @Test
  void varErrsNameTheMissingAndUnusedVariables() throws Exception {
    Path manifest = write("m.yml", "a: ((a))\nb: ((b))\n");

    CliRun.Result missing = cli().run("int", manifest.toString(), "-v", "a=1", "--var-errs");
    CliRun.Result unused = cli().run("int", manifest.toString(), "-v", "a=1", "-v", "b=2", "-v", "c=3", "--var-errs-unused");

    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).isEqualTo("Expected to find variables: b\n");
    assertThat(unused.err()).isEqualTo("Expected to use variables: c\n");
  }

  @Test
  void errorsNameTheFileTheOperationAndTheVariable() throws Exception {
    Path manifest = write("m.yml", "a: {b: 1}\ncreds: ((creds.password))\n");
    Path ops = write("ops.yml", "- type: replace\n  path: /a/x/y\n  value: 1\n");
    Path broken = write("broken.yml", "- type: replace\n  path: /a\n");

    assertThat(cli().run("int", manifest.toString(), "-o", ops.toString()).err())
        .isEqualTo("Error 'operation [0] in " + ops + " failed': Expected to find a map key 'x' for path '/a/x' (found map keys: 'b')\n");
    assertThat(cli().run("int", manifest.toString(), "-v", "creds={user: u}").err())
        .isEqualTo("Finding variable 'creds.password': Expected to find a map key 'password' for path '/password' (found map keys: 'user')\n");
    assertThat(cli().run("int", manifest.toString(), "-o", broken.toString()).err()).isEqualTo("""
        Invalid argument for flag '-o, --ops-file':
          Building ops: Replace operation [0]: Missing value within
          {
            "Type": "replace",
            "Path": "/a",
            "Error": "operation [0] in %s failed"
          }
        """.formatted(broken));
    assertThat(cli().run("int", dir.resolve("nope.yml").toString()).err()).isEqualTo("Reading file '" + dir.resolve("nope.yml") + "': no such file\n");
    assertThat(cli().run("int", manifest.toString(), "-l", dir.resolve("nope.yml").toString()).err())
        .isEqualTo("Invalid argument for flag '-l, --vars-file':\n  Reading variables file '" + dir.resolve("nope.yml") + "': no such file\n");
  }

  @Test
  void malformedFlagsAreUsageErrors() throws Exception {
    Path manifest = write("m.yml", "a: 1\n");

    CliRun.Result noValue = cli().run("int", manifest.toString(), "-v", "name");
    CliRun.Result badPath = cli().run("int", manifest.toString(), "--path", "a");

    assertThat(noValue.exitCode()).isEqualTo(2);
    assertThat(noValue.err()).contains("Expected var 'name' to be in format 'name=value'");
    assertThat(cli().run("int", manifest.toString(), "--var-file", "=x").err()).contains("Expected var '=x' to specify non-empty name");
    assertThat(badPath.exitCode()).isEqualTo(2);
    assertThat(badPath.err()).contains("Expected to start with '/'");
  }

  @Test
  void aVarIsReadAsYamlButAStringKeepsWhatWasTyped() throws Exception {
    Path manifest = write("m.yml", "port: ((port))\nlist: ((list))\nquoted: ((quoted))\nmultiline: ((multiline))\n");

    CliRun.Result result = cli().run("int", manifest.toString(), "-v", "port=8080", "-v", "list=[a, b]", "-v", "quoted='007'", "-v", "multiline=a\nb");

    assertThat(result.out()).isEqualTo("list:\n- a\n- b\nmultiline: |-\n  a\n  b\nport: 8080\nquoted: \"007\"\n");
  }

  @Test
  void offATerminalNothingButTheDocumentIsPrinted() throws Exception {
    Path manifest = write("m.yml", "a: 1\n");

    assertThat(cli().run("int", manifest.toString()).out()).isEqualTo("a: 1\n");
    assertThat(cli().run("--json", "int", manifest.toString()).out())
        .contains("\"Blocks\": [\n        \"a: 1\\n\"\n    ]").contains("\"Succeeded\"");
  }

  @Test
  void readsStdin() throws Exception {
    assertThat(cli().stdin("a: ((a))\n").run("int", "-", "-v", "a=b").out()).isEqualTo("a: b\n");
  }
}
