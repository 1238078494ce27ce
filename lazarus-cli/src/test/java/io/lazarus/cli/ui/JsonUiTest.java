package io.lazarus.cli.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonUiTest {
  @Test
  void collectsTablesBlocksAndLinesIntoOneGoStyleDocument() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonUi ui = new JsonUi(new PrintStream(out, true, StandardCharsets.UTF_8));

    ui.printLine("Using environment 'x' as client 'admin'");
    ui.printTable(Table.builder("tasks", "ID", "Started At").row(Cell.number(3), Cell.text("<now> & \"then\"")).build());
    ui.printBlock("Task 3\n");
    ui.printClosingLine("Succeeded");
    ui.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
        {
            "Tables": [
                {
                    "Content": "tasks",
                    "Header": {
                        "id": "ID",
                        "started_at": "Started At"
                    },
                    "Rows": [
                        {
                            "id": "3",
                            "started_at": "\\u003cnow\\u003e \\u0026 \\"then\\""
                        }
                    ],
                    "Notes": null
                }
            ],
            "Blocks": [
                "Task 3\\n"
            ],
            "Lines": [
                "Using environment 'x' as client 'admin'",
                "Succeeded"
            ]
        }
        """);
  }

  @Test
  void keysAreHeadersLowerCasedWithUnderscores() {
    assertThat(JsonUi.key("Release(s)")).isEqualTo("release_s");
    assertThat(JsonUi.key("Director Stemcell")).isEqualTo("director_stemcell");
    assertThat(JsonUi.key("Task ID")).isEqualTo("task_id");
  }

  @Test
  void emptyTablesKeepAnEmptyRowList() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    JsonUi ui = new JsonUi(new PrintStream(out, true, StandardCharsets.UTF_8));

    ui.printTable(Table.builder("locks", "Type").build());
    ui.flush();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"Rows\": [],").contains("\"Lines\": null");
  }
}
