package io.lazarus.cli.interpolation.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cli.interpolation.patch.Pointer;
import io.lazarus.cli.interpolation.patch.ReplaceOp;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The interpolation cases of the bosh CLI's template tests. */
class TemplateTest {
  private static String evaluate(String yaml, Map<String, Object> vars) {
    return evaluate(yaml, new StaticVariables(vars), EvaluateOptions.LENIENT);
  }

  private static String evaluate(String yaml, Variables variables, EvaluateOptions options) {
    return GoYaml.dump(Template.evaluate(GoYaml.load("t.yml", yaml), variables, null, options));
  }

  @Test
  void aWholeValueKeepsTheVariablesType() {
    Map<String, Object> vars = new LinkedHashMap<>();
    vars.put("name1", 1);
    vars.put("name2", "nil");
    vars.put("name3", true);
    vars.put("name4", "");
    vars.put("name5", null);
    vars.put("name6", Map.of("key", Map.of("key2", List.of("value1", "value2"))));
    assertThat(evaluate("name1: ((name1))\nname2: ((name2))\nname3: ((name3))\nname4: ((name4))\nname5: ((name5))\nname6: ((name6))\n1234: value\n", vars))
        .isEqualTo("""
            1234: value
            name1: 1
            name2: nil
            name3: true
            name4: ""
            name5: null
            name6:
              key:
                key2:
                - value1
                - value2
            """);
    assertThat(evaluate("otherstuff: ((!boule))", Map.of("boule", true))).isEqualTo("otherstuff: true\n");
  }

  @Test
  void referencesInsideStringsAndKeysAreReplacedByText() {
    assertThat(evaluate("uri: nats://nats:((!password))@((ip)):((port))", Map.of("password", "secret", "ip", "10.0.0.0", "port", 4222)))
        .isEqualTo("uri: nats://nats:secret@10.0.0.0:4222\n");
    assertThat(evaluate("((iaas))_cpi: props", Map.of("iaas", "aws"))).isEqualTo("aws_cpi: props\n");
    assertThat(evaluate("acct: ((user)):((user))", Map.of("user", "nats"))).isEqualTo("acct: nats:nats\n");
    assertThat(evaluate("((Ω)): ((with-a-dash))", Map.of("Ω", "☃", "with-a-dash", "dash"))).isEqualTo("☃: dash\n");
    assertThat(evaluate("(()", Map.of())).isEqualTo("(()\n");
  }

  @Test
  void onlyStringsAndIntegersFitInsideAString() {
    assertThatThrownBy(() -> evaluate("address: ((definition)):((eulers_number))", Map.of("eulers_number", new BigDecimal("2.717"), "definition", "natural_log")))
        .isInstanceOf(InterpolationException.class)
        .hasMessage("Invalid type 'float64' for value '2.717' and variable 'eulers_number'. Supported types for interpolation within a string are integers and strings.");
  }

  @Test
  void unresolvedReferencesStayForTheConfigServer() {
    assertThat(evaluate("((key)): ((key2))\n((key3)): 2", Map.of("key3", "foo"))).isEqualTo("((key)): ((key2))\nfoo: 2\n");
  }

  @Test
  void varErrsListsEveryMissingVariable() {
    assertThatThrownBy(() -> evaluate("((key)): ((key2))\n((key3)): 2\ndup-key: ((key3))\n((key4))_array:\n- ((key_in_array))\n",
        new StaticVariables(Map.of("key3", "foo")), new EvaluateOptions(true, false, null)))
        .hasMessage("Expected to find variables: key\nkey2\nkey4\nkey_in_array");
  }

  @Test
  void varErrsUnusedListsEveryUnusedVariable() {
    assertThatThrownBy(() -> evaluate("((key2))", new StaticVariables(Map.of("key1", "1", "key2", "2", "key3", "3")), new EvaluateOptions(false, true, null)))
        .hasMessage("Expected to use variables: key1\nkey3");
    assertThatThrownBy(() -> evaluate("((key2))", new StaticVariables(Map.of("key1", "1", "key3", "3")), new EvaluateOptions(true, true, null)))
        .hasMessage("Expected to find variables: key2\nExpected to use variables: key1\nkey3");
  }

  @Test
  void subKeysAndIndexesReachInsideAValue() {
    Map<String, Object> vars = Map.of("key", Map.of("subkey", "e", "list", List.of("a", "b"), "80", "http"));
    assertThat(evaluate("a: ((key.subkey))\nb: ((key.list.1))\nc: ((key.80))", vars)).isEqualTo("a: e\nb: b\nc: http\n");
    assertThatThrownBy(() -> evaluate("((key.subkey_not_found))", vars))
        .hasMessage("Finding variable 'key.subkey_not_found': Expected to find a map key 'subkey_not_found' for path '/subkey_not_found' (found map keys: '80', 'list', 'subkey')");
    assertThatThrownBy(() -> evaluate("((nokey.subkey))", new StaticVariables(Map.of()), new EvaluateOptions(true, false, null)))
        .hasMessage("Expected to find variables: nokey");
  }

  @Test
  void dottedVariableNamesBuildMaps() {
    assertThat(evaluate("a: ((db.user))\nb: ((db.port))", Map.of("db.user", "admin", "db.port", 5432))).isEqualTo("a: admin\nb: 5432\n");
  }

  @Test
  void opsApplyBeforeVariablesAndPathAfter() {
    Object document = GoYaml.load("t.yml", "a: b");
    Object result = Template.evaluate(document, new StaticVariables(Map.of("c", Map.of("d", "e"))),
        new ReplaceOp(Pointer.parse("/a"), "((c))"), new EvaluateOptions(false, false, Pointer.parse("/a/d")));
    assertThat(result).isEqualTo("e");
    assertThatThrownBy(() -> Template.evaluate(GoYaml.load("t.yml", "a: b"), new StaticVariables(Map.of()), null, new EvaluateOptions(false, false, Pointer.parse("/x"))))
        .hasMessage("Expected to find a map key 'x' for path '/x' (found map keys: 'a')");
  }

  @Test
  void definitionsAreAskedForWithTypeAndOptionsAndFoundOnesLeaveTheSection() {
    RecordingVariables vars = new RecordingVariables(Map.of("key1", "key1-val", "key2", "key2-val"));
    String result = evaluate("""
        abc: ((!key1))
        variables:
        - name: key2
          type: key2-type
          options: {key2-opt: key2-opt-val}
        - name: key1
          type: key1-type
        - name: not-found
          type: password
        xyz: [((!key2))]
        """, vars, EvaluateOptions.LENIENT);
    assertThat(result).isEqualTo("abc: key1-val\nvariables:\n- name: not-found\n  type: password\nxyz:\n- key2-val\n");
    assertThat(vars.asked).startsWith(
        new VariableDefinition("key2", "key2-type", Map.of("key2-opt", "key2-opt-val")),
        new VariableDefinition("key1", "key1-type", null),
        new VariableDefinition("not-found", "password", null));
  }

  @Test
  void aDefinitionsOptionsAreInterpolatedAndItWaitsForThem() {
    RecordingVariables vars = new RecordingVariables(Map.of("cn", "bosh.io"));
    String result = evaluate("""
        cert: ((server.certificate))
        variables:
        - name: server
          type: certificate
          options: {ca: ca, common_name: ((cn)), alternative_names: [((ip))]}
        """, vars, EvaluateOptions.LENIENT);
    assertThat(vars.asked).noneMatch(definition -> definition.name().equals("server"));
    assertThat(result).contains("cert: ((server.certificate))").contains("alternative_names:\n    - ((ip))").contains("common_name: bosh.io");
  }

  @Test
  void recursiveDefinitionsAreDetected() {
    assertThatThrownBy(() -> evaluate("""
        variables:
        - name: key1
          type: t
          options: {var: ((key2))}
        - name: key2
          type: t
          options: {var: ((key1))}
        """, new StaticVariables(Map.of()), new EvaluateOptions(true, false, null)))
        .hasMessage("Getting all variables from variable definitions sections: Interpolating variable 'key1' definition options: "
            + "Finding variable 'key2': Interpolating variable 'key2' definition options: Finding variable 'key1': Detected recursion");
  }

  @Test
  void aSourceFailingIsReportedWithTheVariable() {
    Variables failing = new Variables() {
      @Override
      public Optional<Found> get(VariableDefinition definition) {
        throw new InterpolationException("fake-err");
      }

      @Override
      public List<String> names() {
        return List.of();
      }
    };
    assertThatThrownBy(() -> evaluate("((key))", failing, EvaluateOptions.LENIENT)).hasMessage("Finding variable 'key': fake-err");
    assertThatThrownBy(() -> evaluate("variables: [{name: k, type: t}]", failing, EvaluateOptions.LENIENT))
        .hasMessage("Getting all variables from variable definitions sections: fake-err");
  }

  /** Answers from a map and records what it was asked. */
  private static final class RecordingVariables implements Variables {
    private final Map<String, Object> values;
    private final List<VariableDefinition> asked = new ArrayList<>();

    RecordingVariables(Map<String, Object> values) {
      this.values = new HashMap<>(values);
    }

    @Override
    public Optional<Found> get(VariableDefinition definition) {
      asked.add(definition);
      return values.containsKey(definition.name()) ? Optional.of(new Found(values.get(definition.name()))) : Optional.empty();
    }

    @Override
    public List<String> names() {
      return List.copyOf(values.keySet());
    }
  }
}
