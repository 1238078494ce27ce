package io.lazarus.cli;

import picocli.CommandLine.IVersionProvider;

/** The version Maven wrote into the jar's manifest; "development" when run from classes. */
final class LazarusVersion implements IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = LazarusVersion.class.getPackage().getImplementationVersion();
    return new String[] {"lazarus " + (version == null ? "development" : version)};
  }
}
