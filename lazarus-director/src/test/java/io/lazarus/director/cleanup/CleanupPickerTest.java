package io.lazarus.director.cleanup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupPickerTest {
  @Test
  void keepsTheNewestVersionsInSemiSemanticOrder() {
    assertThat(CleanupPicker.oldestBeyond(List.of("10", "2", "3", "1.1", "2+dev.1"), 2)).containsExactly("1.1", "2", "2+dev.1");
  }

  @Test
  void keepsEverythingWhenThereAreNoMoreThanTheKept() {
    assertThat(CleanupPicker.oldestBeyond(List.of("2", "1"), 2)).isEmpty();
    assertThat(CleanupPicker.oldestBeyond(List.of(), 2)).isEmpty();
  }

  @Test
  void removeAllKeepsNothing() {
    assertThat(CleanupPicker.oldestBeyond(List.of("621.5", "621.10", "1.0"), 0)).containsExactly("1.0", "621.5", "621.10");
  }
}
