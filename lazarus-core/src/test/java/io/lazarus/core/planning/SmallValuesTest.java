package io.lazarus.core.planning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.manifest.CountOrPercent;
import io.lazarus.core.manifest.WatchTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmallValuesTest {

  @Test
  void latestIsTheNewestVersionNumerically() {
    assertThat(VersionOrder.newest(List.of("1.9", "1.10", "1.2"))).contains("1.10");
    assertThat(VersionOrder.newest(List.of("621.74", "621.9", "456.1"))).contains("621.74");
    assertThat(VersionOrder.newest(List.of("1.2", "1.2.1"))).contains("1.2.1");
    assertThat(VersionOrder.newest(List.of("1+dev.3", "1+dev.12"))).contains("1+dev.12");
    assertThat(VersionOrder.newest(List.of())).isEmpty();
  }

  @Test
  void instanceIdsReadAndPrintAsTheCliShowsThem() {
    assertThat(InstanceId.parse("web/12")).isEqualTo(new InstanceId("web", 12)).hasToString("web/12");
    assertThat(new InstanceId("web", 2)).isLessThan(new InstanceId("web", 10));
    assertThatThrownBy(() -> InstanceId.parse("web")).hasMessage("'web' is not an instance id such as web/0");
    assertThatThrownBy(() -> InstanceId.parse("web/x")).hasMessage("'web/x' is not an instance id such as web/0");
  }

  @Test
  void percentagesResolvePerGroupSize() {
    assertThat(CountOrPercent.parse("25%").resolve(10, 1)).isEqualTo(3);
    assertThat(CountOrPercent.parse("10%").resolve(3, 1)).isEqualTo(1);
    assertThat(CountOrPercent.parse("10%").resolve(3, 0)).isEqualTo(0);
    assertThat(CountOrPercent.parse("4").resolve(2, 1)).isEqualTo(4);
    assertThat(CountOrPercent.parse(" 50 % ")).isEqualTo(CountOrPercent.percent(50));
    assertThatThrownBy(() -> CountOrPercent.parse("-1")).hasMessage("expected a number of instances or a percentage such as '25%', got '-1'");
  }

  @Test
  void watchTimesAreASingleValueOrARange() {
    assertThat(WatchTime.parse("30000")).isEqualTo(new WatchTime(30000, 30000)).hasToString("30000");
    assertThat(WatchTime.parse("1000 - 30000")).isEqualTo(new WatchTime(1000, 30000)).hasToString("1000-30000");
    assertThatThrownBy(() -> WatchTime.parse("1000-2000-3000")).hasMessage("expected milliseconds or a range such as '1000-30000', got '1000-2000-3000'");
  }

  @Test
  void suggestionsCatchTyposButNotStrangers() {
    assertThat(Wording.didYouMean("prot", List.of("port", "log_level"))).isEqualTo("; did you mean 'port'?");
    assertThat(Wording.didYouMean("defualt", List.of("default", "large"))).isEqualTo("; did you mean 'default'?");
    assertThat(Wording.didYouMean("workers", List.of("port", "log_level"))).isEmpty();
    assertThat(Wording.list(List.of())).isEqualTo("none");
    assertThat(Wording.list(List.of("a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m", "n"))).isEqualTo("a, b, c, d, e, f, g, h, i, j, k, l and 2 more");
  }
}
