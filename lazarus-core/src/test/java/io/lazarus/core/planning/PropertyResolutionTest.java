package io.lazarus.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PropertyResolutionTest {
  private static final JobSpec DIRECTOR = new JobSpec(
      "director",
      List.of(
          JobSpec.PropertySpec.withDefault("director.port", 25555),
          JobSpec.PropertySpec.withDefault("director.workers", 3),
          JobSpec.PropertySpec.required("director.user_management.local.users"),
          JobSpec.PropertySpec.withDefault("hm.resurrector_enabled", false)),
      List.of(), List.of(), List.of());

  @Test
  void eachPropertyComesFromTheMostSpecificLevelThatSetsIt() {
    Map<String, Object> job = Map.of("director", Map.of("port", 8443));
    Map<String, Object> group = Map.of("director", Map.of("port", 1, "workers", 5), "hm", Map.of("resurrector_enabled", true));
    Map<String, Object> global = Map.of("hm", Map.of("resurrector_enabled", false));
    assertThat(PropertyResolution.resolve(DIRECTOR, List.of(job, group, global)).properties())
        .isEqualTo(Map.of("director", Map.of("port", 8443, "workers", 5, "user_management", Map.of("local", nil("users"))), "hm", Map.of("resurrector_enabled", true)));
  }

  @Test
  void takesTheManifestValueThenTheDefaultThenNilAndNestsInTheSpecsOrder() {
    JobSpec api = new JobSpec("api", List.of(JobSpec.PropertySpec.withDefault("port", 80), JobSpec.PropertySpec.withDefault("tls.enabled", true),
        JobSpec.PropertySpec.required("tls.cert"), JobSpec.PropertySpec.withDefault("name", "x")), List.of(), List.of(), List.of());

    Map<String, Object> resolved = PropertyResolution.resolve(api, List.of(Map.of("port", 8080, "tls", Map.of("enabled", false)))).properties();

    Map<String, Object> tls = new HashMap<>(nil("cert"));
    tls.put("enabled", false);
    assertThat(resolved).isEqualTo(Map.of("port", 8080, "tls", tls, "name", "x"));
    assertThat(resolved.keySet()).containsExactly("port", "tls", "name");
    assertThat(List.copyOf(((Map<?, ?>) resolved.get("tls")).keySet())).isEqualTo(List.of("enabled", "cert"));
  }

  @Test
  void leavesOutWhatTheSpecDoesNotDeclare() {
    JobSpec api = new JobSpec("api", List.of(JobSpec.PropertySpec.required("port")), List.of(), List.of(), List.of());
    JobSpec none = new JobSpec("api", List.of(), List.of(), List.of(), List.of());

    assertThat(PropertyResolution.resolve(api, List.of(Map.of("port", 1, "other", 2))).properties()).isEqualTo(Map.of("port", 1));
    assertThat(PropertyResolution.resolve(none, List.of(Map.of("port", 1))).properties()).isEmpty();
  }

  @Test
  void aNilNeverHidesAMoreSpecificValueOfTheSameSpec() {
    JobSpec both = new JobSpec("api", List.of(JobSpec.PropertySpec.withDefault("tls.port", 443), JobSpec.PropertySpec.required("tls")), List.of(), List.of(), List.of());

    assertThat(PropertyResolution.resolve(both, List.of(Map.of())).properties()).isEqualTo(Map.of("tls", Map.of("port", 443)));
  }

  @Test
  void aNonHashInTheWayOfADeclaredNameIsReportedWithBoshsMessageAndTheLevelFallsThrough() {
    JobSpec api = new JobSpec("api", List.of(JobSpec.PropertySpec.withDefault("tls.port", 443), JobSpec.PropertySpec.required("limits.cpu.max")), List.of(), List.of(), List.of());

    PropertyResolution.Resolved resolved = PropertyResolution.resolve(api, List.of(Map.of(), Map.of("tls", "on", "limits", Map.of("cpu", List.of(1))), Map.of("tls", Map.of("port", 1))));

    assertThat(resolved.properties()).isEqualTo(Map.of("tls", Map.of("port", 1), "limits", Map.of("cpu", nil("max"))));
    assertThat(resolved.notHashes()).containsExactly(
        new PropertyResolution.NotAHash(1, "tls.port", "tls", "on"),
        new PropertyResolution.NotAHash(1, "limits.cpu.max", "limits.cpu", List.of(1)));
    assertThat(resolved.notHashes()).extracting(PropertyResolution.NotAHash::message).containsExactly(
        "Property 'tls.port' expects a hash, but received 'String'",
        "Property 'limits.cpu.max' expects a hash, but received 'Array'");
  }

  @Test
  void aLevelThatIsNotReadIsNotChecked() {
    JobSpec api = new JobSpec("api", List.of(JobSpec.PropertySpec.withDefault("tls.port", 443)), List.of(), List.of(), List.of());

    assertThat(PropertyResolution.resolve(api, List.of(Map.of("tls", Map.of("port", 1)), Map.of("tls", true))).notHashes()).isEmpty();
  }

  /** {@code {name: null}}, which Map.of cannot hold. */
  private static Map<String, Object> nil(String name) {
    Map<String, Object> map = new HashMap<>();
    map.put(name, null);
    return map;
  }

  @Test
  void anExplicitNullFallsThroughToTheNextLevelAndDefaults() {
    Map<String, Object> director = new LinkedHashMap<>(Map.of("workers", 7));
    director.put("port", null);
    Map<String, Object> job = Map.of("director", director);
    assertThat(PropertyResolution.resolve(DIRECTOR, List.of(job, Map.of(), Map.of())).properties())
        .isEqualTo(Map.of("director", Map.of("port", 25555, "workers", 7, "user_management", Map.of("local", nil("users"))), "hm", Map.of("resurrector_enabled", false)));
  }

  @Test
  void aDeclaredHashPropertyTakesItsWholeValue() {
    Map<String, Object> users = Map.of("admin", Map.of("password", "secret"));
    Map<String, Object> job = Map.of("director", Map.of("user_management", Map.of("local", Map.of("users", users))));
    assertThat(PropertyResolution.undeclared(DIRECTOR, job)).isEmpty();
    assertThat(PropertyResolution.lookup(PropertyResolution.resolve(DIRECTOR, List.of(job)).properties(), "director.user_management.local.users")).isEqualTo(users);
  }

  @Test
  void findsUndeclaredPropertiesAtAnyDepth() {
    Map<String, Object> job = Map.of("director", Map.of("prot", 1, "user_management", Map.of("lokal", Map.of())), "hm", true);
    assertThat(PropertyResolution.undeclared(DIRECTOR, job)).containsExactlyInAnyOrder(
        new PropertyResolution.Undeclared("director.prot", List.of()),
        new PropertyResolution.Undeclared("director.user_management.lokal", List.of()),
        new PropertyResolution.Undeclared("hm", List.of("hm.resurrector_enabled")));
  }

  @Test
  void selectsLinkPropertiesNested() {
    Map<String, Object> resolved = PropertyResolution.resolve(DIRECTOR, List.of(Map.of())).properties();
    assertThat(PropertyResolution.select(resolved, List.of("director.port", "director.user_management.local.users"))).isEqualTo(Map.of("director", Map.of("port", 25555)));
  }
}
