package io.lazarus.core.planning;

import static org.assertj.core.api.Assertions.assertThat;

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
    assertThat(PropertyResolution.resolve(DIRECTOR, List.of(job, group, global)))
        .isEqualTo(Map.of("director", Map.of("port", 8443, "workers", 5), "hm", Map.of("resurrector_enabled", true)));
  }

  @Test
  void anExplicitNullFallsThroughToTheNextLevelAndDefaults() {
    Map<String, Object> director = new LinkedHashMap<>(Map.of("workers", 7));
    director.put("port", null);
    Map<String, Object> job = Map.of("director", director);
    assertThat(PropertyResolution.resolve(DIRECTOR, List.of(job, Map.of(), Map.of())))
        .isEqualTo(Map.of("director", Map.of("port", 25555, "workers", 7), "hm", Map.of("resurrector_enabled", false)));
  }

  @Test
  void aDeclaredHashPropertyTakesItsWholeValue() {
    Map<String, Object> users = Map.of("admin", Map.of("password", "secret"));
    Map<String, Object> job = Map.of("director", Map.of("user_management", Map.of("local", Map.of("users", users))));
    assertThat(PropertyResolution.undeclared(DIRECTOR, job)).isEmpty();
    assertThat(PropertyResolution.lookup(PropertyResolution.resolve(DIRECTOR, List.of(job)), "director.user_management.local.users")).isEqualTo(users);
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
    Map<String, Object> resolved = PropertyResolution.resolve(DIRECTOR, List.of(Map.of()));
    assertThat(PropertyResolution.select(resolved, List.of("director.port", "director.user_management.local.users"))).isEqualTo(Map.of("director", Map.of("port", 25555)));
  }
}
