package io.lazarus.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cli.fake.FakeDirector;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code deploy} and the config commands send what the bosh CLI's ops files and variables make of their file. */
class ManifestInterpolationIT extends FakeDirectorCase {
  @BeforeEach
  void start() throws Exception {
    director.answer("POST", "/deployments/demo/diff", 200, "{\"context\":{},\"diff\":[[\"name: demo\",null]]}");
    director.taskFor("POST", "/deployments", "create deployment");
    director.answer("POST", "/configs/diff", 200, "{\"from\":{\"id\":\"1\"},\"diff\":[]}");
    director.answer("POST", "/configs", 201,
        "{\"id\":\"2\",\"type\":\"cloud\",\"name\":\"default\",\"content\":\"x\",\"created_at\":\"now\",\"current\":true}");
  }

  @Test
  void deploySendsTheEvaluatedManifestAndKeepsGeneratedValuesStable() throws Exception {
    Path manifest = Files.writeString(home.resolve("demo.yml"), """
        name: demo
        instance_groups:
        - name: web
          instances: 1
          jobs:
          - name: web
            properties: {password: ((web_password)), domain: ((domain))}
        variables:
        - name: web_password
          type: password
        """);
    Path ops = Files.writeString(home.resolve("scale.yml"), "- type: replace\n  path: /instance_groups/name=web/instances\n  value: 3\n");
    Path store = home.resolve("creds.yml");
    String[] deploy = {"-n", "-d", "demo", "deploy", manifest.toString(), "-o", ops.toString(), "--vars-store", store.toString(), "-v", "domain=example.com"};

    CliRun.Result first = DirectorFixture.loggedIn(home, director).run(deploy);
    CliRun.Result second = DirectorFixture.loggedIn(home, director).run(deploy);

    assertThat(first.exitCode()).as(first.err()).isZero();
    assertThat(second.exitCode()).as(second.err()).isZero();
    String password = (String) ((Map<?, ?>) GoYaml.load("store", Files.readString(store))).get("web_password");
    String sent = director.requests("POST", "/deployments/demo/diff").getFirst().bodyText();
    assertThat(sent).isEqualTo("""
        instance_groups:
        - instances: 3
          jobs:
          - name: web
            properties:
              domain: example.com
              password: %s
          name: web
        name: demo
        variables: []
        """.formatted(password));
    assertThat(director.requests("POST", "/deployments?")).extracting(FakeDirector.Recorded::bodyText).containsExactly(sent, sent);
  }

  @Test
  void configCommandsInterpolateTheirFile() throws Exception {
    Path cloud = Files.writeString(home.resolve("cloud.yml"), "networks:\n- name: default\n  subnets: [{range: ((range))}]\n");

    CliRun.Result result = DirectorFixture.loggedIn(home, director).run("-n", "update-cloud-config", cloud.toString(), "-v", "range=10.0.0.0/24");
    CliRun.Result config = DirectorFixture.loggedIn(home, director)
        .run("-n", "update-config", "--type", "runtime", "--name", "dns", cloud.toString(), "--var=range=10.1.0.0/24");

    assertThat(result.exitCode()).as(result.err()).isZero();
    assertThat(config.exitCode()).as(config.err()).isZero();
    assertThat(director.requests("POST", "/configs/diff").getFirst().bodyText())
        .isEqualTo("{\"type\":\"cloud\",\"name\":\"default\",\"content\":\"networks:\\n- name: default\\n  subnets:\\n  - range: 10.0.0.0/24\\n\"}");
    assertThat(director.requests("POST", "/configs/diff").getLast().bodyText()).contains("range: 10.1.0.0/24");
  }

  @Test
  void aBrokenOpsFileOrStoreIsRefusedBeforeAnythingIsSent() throws Exception {
    Path manifest = Files.writeString(home.resolve("demo.yml"), "name: demo\n");
    Path ops = Files.writeString(home.resolve("ops.yml"), "- type: remove\n  path: /missing\n");
    Path store = Files.writeString(home.resolve("creds.yml"), "- not a map\n");

    CliRun.Result badOp = DirectorFixture.loggedIn(home, director).run("-n", "-d", "demo", "deploy", manifest.toString(), "-o", ops.toString());
    CliRun.Result badStore = DirectorFixture.loggedIn(home, director).run("-n", "update-cloud-config", manifest.toString(), "--vars-store", store.toString());

    assertThat(badOp.exitCode()).isEqualTo(1);
    assertThat(badOp.err()).isEqualTo("""
        Evaluating manifest:
          Error 'operation [0] in %s failed': Expected to find a map key 'missing' for path '/missing' (found map keys: 'name')
        """.formatted(ops));
    assertThat(badStore.exitCode()).isEqualTo(1);
    assertThat(badStore.err()).startsWith("Invalid argument for flag '--vars-store':\n  Deserializing variables file store '" + store + "'");
    assertThat(director.requests()).isEmpty();
  }
}
