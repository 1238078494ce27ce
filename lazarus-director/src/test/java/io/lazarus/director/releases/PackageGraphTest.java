package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.director.DirectorException;
import java.util.List;
import org.junit.jupiter.api.Test;

class PackageGraphTest {
  private static ReleaseManifest.PackageEntry pkg(String name, String... dependencies) {
    return new ReleaseManifest.PackageEntry(name, "1", "f-" + name, "abcd", List.of(dependencies));
  }

  @Test
  void acceptsADiamond() {
    assertThatCode(() -> PackageGraph.checkAcyclic(List.of(pkg("app", "lib", "ruby"), pkg("lib", "ruby"), pkg("ruby")))).doesNotThrowAnyException();
  }

  @Test
  void namesTheCycle() {
    assertThatThrownBy(() -> PackageGraph.checkAcyclic(List.of(pkg("a", "b"), pkg("b", "c"), pkg("c", "a"))))
        .isInstanceOf(DirectorException.class)
        .hasMessageMatching("Cycle found in package dependencies: (a -> b -> c -> a|b -> c -> a -> b|c -> a -> b -> c)");
    assertThatThrownBy(() -> PackageGraph.checkAcyclic(List.of(pkg("self", "self")))).hasMessage("Cycle found in package dependencies: self -> self");
  }
}
