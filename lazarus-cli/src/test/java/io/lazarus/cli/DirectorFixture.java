package io.lazarus.cli;

import io.lazarus.cli.fake.FakeDirector;
import java.nio.file.Path;

/** A {@link CliRun} targeting a {@link FakeDirector} with its CA and the credentials it accepts. */
final class DirectorFixture {
  private DirectorFixture() {}

  static CliRun loggedIn(Path home, FakeDirector director) throws Exception {
    return anonymous(home, director)
        .variable("BOSH_CLIENT", FakeDirector.CLIENT)
        .variable("BOSH_CLIENT_SECRET", FakeDirector.SECRET);
  }

  static CliRun anonymous(Path home, FakeDirector director) throws Exception {
    return new CliRun(home)
        .variable("BOSH_ENVIRONMENT", director.url())
        .variable("BOSH_CA_CERT", director.caPem());
  }
}
