package io.lazarus.cli.api;

/** A release or stemcell reference of a deployment. */
public record NameVersion(String name, String version) {
  @Override
  public String toString() {
    return name + "/" + version;
  }
}
