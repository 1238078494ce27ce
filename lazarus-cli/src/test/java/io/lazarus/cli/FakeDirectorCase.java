package io.lazarus.cli;

import io.lazarus.cli.fake.FakeDirector;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CLI test against a {@link FakeDirector}: a fresh CLI home, a Director started before each test and closed after
 * it, and a {@link CliRun} logged in to it. Subclasses add their own {@code @BeforeEach}, which runs after this one.
 */
abstract class FakeDirectorCase {
  @TempDir
  protected Path home;

  protected FakeDirector director;
  protected CliRun cli;

  @BeforeEach
  final void startFakeDirector() throws Exception {
    director = FakeDirector.start();
    cli = DirectorFixture.loggedIn(home, director);
  }

  @AfterEach
  final void closeFakeDirector() {
    director.close();
  }
}
