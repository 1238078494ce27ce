package io.lazarus.director.releases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SemiSemanticVersionTest {

  @Test
  void sortsNumbersNumericallyPreReleasesFirstAndDevBuildsAfterTheirRelease() {
    List<String> sorted = Stream.of("10", "2", "1.10", "1.9", "1+dev.2", "1+dev.10", "1-rc.1", "1", "1.0-alpha").sorted(SemiSemanticVersion.STRING_ORDER).toList();
    assertThat(sorted).containsExactly("1-rc.1", "1", "1+dev.2", "1+dev.10", "1.0-alpha", "1.9", "1.10", "2", "10");
  }

  @Test
  void rejectsWhatIsNotAVersionAndSortsItLast() {
    assertThat(SemiSemanticVersion.parse("1 2")).isEmpty();
    assertThat(SemiSemanticVersion.parse("")).isEmpty();
    assertThat(SemiSemanticVersion.parse("../1")).isEmpty();
    assertThat(Stream.of("bad version", "3").sorted(SemiSemanticVersion.STRING_ORDER).toList()).containsExactly("3", "bad version");
  }

  @Test
  void rebaseTakesTheNextDevVersionOfTheSameRelease() {
    SemiSemanticVersion uploaded = SemiSemanticVersion.parse("1+dev.1").orElseThrow();
    assertThat(SemiSemanticVersion.rebase(uploaded, List.of("1+dev.3", "1+dev.2", "2"))).isEqualTo("1+dev.4");
    assertThat(SemiSemanticVersion.rebase(uploaded, List.of("1"))).isEqualTo("1+dev.1");
    assertThat(SemiSemanticVersion.rebase(uploaded, List.of("2+dev.5"))).isEqualTo("1+dev.1");
  }
}
