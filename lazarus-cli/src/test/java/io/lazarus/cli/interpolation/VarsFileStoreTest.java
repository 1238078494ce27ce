package io.lazarus.cli.interpolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.CliEnvironment;
import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.io.BufferedReader;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VarsFileStoreTest {
  private static final String MANIFEST = """
      name: demo
      properties:
        password: ((admin_password))
        ca: ((tls.ca))
        cert: ((tls.certificate))
      variables:
      - name: admin_password
        type: password
      - name: tls_ca
        type: certificate
        options: {is_ca: true, common_name: ca, key_length: 2048}
      - name: tls
        type: certificate
        options: {ca: tls_ca, common_name: demo, key_length: 2048}
      """;

  @TempDir
  Path dir;

  private String evaluate(String... flags) throws Exception {
    InterpolationFlags interpolation = new InterpolationFlags();
    new CommandLine(new Holder(interpolation)).parseArgs(flags);
    Path manifest = Files.writeString(dir.resolve("manifest.yml"), MANIFEST);
    return interpolation.evaluate(manifest, environment(), "Evaluating manifest");
  }

  private static CliEnvironment environment() {
    return new CliEnvironment(new BufferedReader(new StringReader("")), new PrintStream(PrintStream.nullOutputStream()),
        new PrintStream(PrintStream.nullOutputStream()), Map.of(), Path.of("/nonexistent"), Clock.systemUTC(), duration -> {}, null, false);
  }

  /** A command for the mixin to be parsed in. */
  @CommandLine.Command(name = "holder")
  static final class Holder {
    @CommandLine.Mixin
    final InterpolationFlags interpolation;

    Holder(InterpolationFlags interpolation) {
      this.interpolation = interpolation;
    }
  }

  private static java.util.List<String> names(Map<?, ?> store) {
    return store.keySet().stream().map(String::valueOf).toList();
  }

  @Test
  void generatesTheDefinedVariablesIntoANewOwnerOnlyStore() throws Exception {
    Path store = dir.resolve("creds/vars.yml");
    Map<?, ?> manifest = (Map<?, ?>) GoYaml.load("sent", evaluate("--vars-store", store.toString()));

    Map<?, ?> stored = (Map<?, ?>) GoYaml.load("store", Files.readString(store));
    assertThat(names(stored)).containsExactlyInAnyOrder("admin_password", "tls_ca", "tls");
    assertThat((String) stored.get("admin_password")).matches("[a-z0-9]{20}");
    Map<?, ?> properties = (Map<?, ?>) manifest.get("properties");
    assertThat(properties.get("password")).isEqualTo(stored.get("admin_password"));
    assertThat(properties.get("ca")).isEqualTo(((Map<?, ?>) stored.get("tls_ca")).get("certificate"));
    assertThat(properties.get("cert")).isEqualTo(((Map<?, ?>) stored.get("tls")).get("certificate"));
    assertThat(manifest.get("variables")).isEqualTo(java.util.List.of());
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");
    try (var files = Files.list(store.getParent())) {
      assertThat(files).as("no temporary file left behind").containsExactly(store);
    }
  }

  @Test
  void aStoreKeepsItsValuesAcrossRuns() throws Exception {
    Path store = dir.resolve("vars.yml");
    String first = evaluate("--vars-store", store.toString());
    String stored = Files.readString(store);

    assertThat(evaluate("--vars-store", store.toString())).isEqualTo(first);
    assertThat(Files.readString(store)).isEqualTo(stored);
  }

  @Test
  void givenVariablesWinOverTheStoreAndAreNotGenerated() throws Exception {
    Path store = dir.resolve("vars.yml");
    Map<?, ?> manifest = (Map<?, ?>) GoYaml.load("sent", evaluate("--vars-store", store.toString(), "-v", "admin_password=given"));

    assertThat(((Map<?, ?>) manifest.get("properties")).get("password")).isEqualTo("given");
    assertThat(names((Map<?, ?>) GoYaml.load("store", Files.readString(store)))).containsExactlyInAnyOrder("tls_ca", "tls");
  }

  @Test
  void withoutAStoreTheVariablesStayForTheDirector() throws Exception {
    String sent = evaluate();

    assertThat(sent).isEqualTo(MANIFEST);
  }

  @Test
  void anUnreadableStoreIsRefusedNamingIt() throws Exception {
    Path store = Files.writeString(dir.resolve("vars.yml"), "admin_password: [\n");

    assertThatThrownBy(() -> evaluate("--vars-store", store.toString()))
        .isInstanceOf(CommandFailure.class)
        .satisfies(e -> assertThat(CommandFailure.describe(e)).startsWith(
            "Invalid argument for flag '--vars-store':\n  Deserializing variables file store '" + store + "': line 2: invalid YAML"));
    Files.writeString(store, "- a list\n");
    assertThatThrownBy(() -> evaluate("--vars-store", store.toString()))
        .satisfies(e -> assertThat(CommandFailure.describe(e)).endsWith("expected a map of variable names to values, found '[]interface {}'"));
  }
}
