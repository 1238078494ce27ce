package io.lazarus.director.resurrection;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.director.attributes.DirectorAttributes;
import io.lazarus.director.db.Database;
import io.lazarus.director.db.DatabaseConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResurrectionPauseTest {
  @TempDir Path dir;

  @Test
  void aTimedPauseEndsByItselfWhenItsTimeHasCome() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
      DirectorAttributes attributes = new DirectorAttributes(db.jdbi());
      new ResurrectionPause(attributes, Clock.fixed(now, ZoneOffset.UTC)).set(true, Optional.of(now.plusSeconds(60)));
      assertThat(new ResurrectionPause(attributes, Clock.fixed(now.plusSeconds(59), ZoneOffset.UTC)).state().paused()).isTrue();
      assertThat(new ResurrectionPause(attributes, Clock.fixed(now.plusSeconds(60), ZoneOffset.UTC)).state().paused()).isFalse();
      assertThat(attributes.get("resurrection_paused")).contains("true");
    }
  }

  @Test
  void aPauseKeepsTheTimeItBeganWhenPausedAgainAndForgetsItWhenResumed() {
    Instant now = Instant.parse("2026-11-22T10:00:00Z");
    try (Database db = Database.open(DatabaseConfig.embedded(dir))) {
      DirectorAttributes attributes = new DirectorAttributes(db.jdbi());
      new ResurrectionPause(attributes, Clock.fixed(now, ZoneOffset.UTC)).set(true, Optional.empty());
      ResurrectionPause later = new ResurrectionPause(attributes, Clock.fixed(now.plusSeconds(600), ZoneOffset.UTC));
      later.set(true, Optional.of(now.plusSeconds(3600)));

      assertThat(later.state()).isEqualTo(new ResurrectionPause.State(true, Optional.of(now.plusSeconds(3600)), Optional.of(now)));
      later.set(false, Optional.empty());
      assertThat(later.state()).isEqualTo(new ResurrectionPause.State(false, Optional.empty(), Optional.empty()));
      later.set(true, Optional.empty());
      assertThat(later.state().since()).contains(now.plusSeconds(600));
    }
  }
}
