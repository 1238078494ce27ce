package io.lazarus.director.cpis;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.director.DirectorException;
import io.lazarus.director.configs.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpiConfigCheckTest {
  private static final Config OTHER = new Config(7, "cpi", "other", "cpis: [{name: taken, type: dummy}]\n", null, 0);

  @TempDir Path dir;

  private final CpiConfigCheck check = new CpiConfigCheck("local", () -> List.of(OTHER));

  private void refused(String content, String message) {
    assertThatThrownBy(() -> check.check("cpi", "default", content))
        .isInstanceOfSatisfying(DirectorException.class, e -> org.assertj.core.api.Assertions.assertThat(e.httpStatus()).isEqualTo(400))
        .hasMessage(message);
  }

  @Test
  void acceptsUsableCpisAndLeavesOtherTypesAlone() throws Exception {
    Path program = Files.writeString(dir.resolve("cpi"), "#!/bin/sh\n");
    program.toFile().setExecutable(true);

    assertThatCode(() -> check.check("cpi", "default", "cpis:\n- {name: a, type: dummy}\n- {name: b, type: external, exec_path: " + program + "}\n")).doesNotThrowAnyException();
    assertThatCode(() -> check.check("cloud", "default", "not: [a cpi config]\n")).doesNotThrowAnyException();
    // a new version of the config that defines a name may keep it
    assertThatCode(() -> check.check("cpi", "other", "cpis: [{name: taken, type: local}]\n")).doesNotThrowAnyException();
  }

  @Test
  void refusesAProgramThatIsNotThereOrNotExecutable() throws Exception {
    Path notExecutable = Files.writeString(dir.resolve("plain"), "#!/bin/sh\n");

    refused("cpis:\n- {name: b, type: external, exec_path: " + dir.resolve("missing") + "}\n",
        "cpi config 'default': line 2: 'cpis[0].exec_path': cpi 'b': file " + dir.resolve("missing") + " does not exist or is not executable on the Director's machine");
    refused("cpis:\n- {name: b, type: external, exec_path: " + notExecutable + "}\n",
        "cpi config 'default': line 2: 'cpis[0].exec_path': cpi 'b': file " + notExecutable + " does not exist or is not executable on the Director's machine");
  }

  @Test
  void refusesTheOwnCpisNameANameOfAnotherCpiConfigAndBadShapes() {
    refused("cpis:\n- {name: local, type: local}\n",
        "cpi config 'default': line 2: 'cpis[0].name': cpi 'local': 'local' is the name of the Director's own CPI (director.yml's cpi); choose another name");
    refused("cpis:\n- {name: taken, type: dummy}\n", "cpi config 'default': line 2: 'cpis[0].name': cpi 'taken': already defined by cpi config 'other'");
    refused("cpis: {name: a}\n", "cpi config 'default': line 1: 'cpis': expected a list, got a mapping");
  }
}
