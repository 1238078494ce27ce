package io.lazarus.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TableTextTest {
  @Test
  void padsEveryColumnIncludingTheLastAndEndsWithNotesAndCount() {
    Table table = Table.builder("stemcells", "Name", "Version")
        .sortBy(0, true).sortBy(1, false)
        .row(Cell.text("b"), Cell.version("9", ""))
        .row(Cell.text("a"), Cell.version("10", "*"))
        .row(Cell.text("a"), Cell.version("9", ""))
        .note("(*) Currently deployed")
        .build();

    assertThat(TableText.render(table)).isEqualTo(
        "Name  Version  \n"
            + "a     10*      \n"
            + "~     9        \n"
            + "b     9        \n"
            + "\n"
            + "(*) Currently deployed\n"
            + "\n"
            + "3 stemcells\n");
  }

  @Test
  void emptyValuesShowAsDashAndMultiLineValuesSpreadOverLines() {
    Table table = Table.builder("deployments", "Name", "Release(s)", "Team(s)")
        .row(Cell.text("dep"), Cell.text("app/1\nbase/2"), Cell.text(""))
        .build();

    assertThat(TableText.render(table)).isEqualTo(
        "Name  Release(s)  Team(s)  \n"
            + "dep   app/1       -        \n"
            + "      base/2               \n"
            + "\n"
            + "1 deployments\n");
  }

  @Test
  void numbersAndVersionsSortByValue() {
    Table table = Table.builder("tasks", "ID", "Version")
        .sortBy(0, false)
        .row(Cell.number(9), Cell.version("1.9", ""))
        .row(Cell.number(10), Cell.version("1.10", ""))
        .build();

    assertThat(table.rows()).extracting(row -> row.get(0).text()).containsExactly("10", "9");
    assertThat(Versions.compare("1.10", "1.9")).isPositive();
    assertThat(Versions.compare("621.74*", "621.74")).isZero();
  }

  @Test
  void transposedTablesPrintOneLinePerColumnAndNoCount() {
    Table table = Table.builder("", "Name", "User").transposed().row(Cell.text("fake"), Cell.text("admin")).build();

    assertThat(TableText.render(table)).isEqualTo("Name  fake   \nUser  admin  \n");
  }

  @Test
  void timesUseTheBoshFormatWithASpacePaddedDay() {
    assertThat(Cell.time(Instant.parse("2026-11-02T03:04:05Z")).text()).isEqualTo("Mon Nov  2 03:04:05 UTC 2026");
    assertThat(Cell.time(null).text()).isEmpty();
  }

  @Test
  void aRowOfTheWrongWidthIsABug() {
    assertThatThrownBy(() -> Table.builder("x", "A", "B").row(Cell.text("only one")))
        .hasMessage("row has 1 cells but the table has 2 columns");
  }
}
