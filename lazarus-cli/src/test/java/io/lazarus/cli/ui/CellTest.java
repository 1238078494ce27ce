package io.lazarus.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CellTest {
  @Test
  void megabytesShowAsGoHumanizesBinaryBytes() {
    assertThat(Cell.megabytes(0).text()).isEqualTo("0 B");
    assertThat(Cell.megabytes(1).text()).isEqualTo("1.0 MiB");
    assertThat(Cell.megabytes(512).text()).isEqualTo("512 MiB");
    assertThat(Cell.megabytes(1024).text()).isEqualTo("1.0 GiB");
    assertThat(Cell.megabytes(1536).text()).isEqualTo("1.5 GiB");
    assertThat(Cell.megabytes(131072).text()).isEqualTo("128 GiB");
    assertThat(Cell.megabytes(1024 * 1024).text()).isEqualTo("1.0 TiB");
  }

  @Test
  void sizesAndTimesSortByValueNotText() {
    assertThat(Cell.ORDER.compare(Cell.megabytes(512), Cell.megabytes(1024))).isNegative(); // "512 MiB" > "1.0 GiB" as text
    Instant friday = Instant.parse("2026-11-20T09:30:00Z");
    Instant wednesday = Instant.parse("2026-11-18T11:00:00Z");
    assertThat(Cell.ORDER.compare(Cell.time(wednesday), Cell.time(friday))).isNegative(); // "Wed" > "Fri" as text
  }
}
