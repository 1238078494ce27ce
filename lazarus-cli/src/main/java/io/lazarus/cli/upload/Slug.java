package io.lazarus.cli.upload;

/** A {@code NAME/VERSION} argument; the version may be optional (delete-release). */
public record Slug(String name, String version) {
  /** @throws IllegalArgumentException naming the argument when it is malformed */
  public static Slug parse(String value, boolean versionRequired) {
    String[] parts = value.split("/", -1);
    boolean valid = parts.length <= 2 && !parts[0].isEmpty() && (parts.length == 1 || !parts[1].isEmpty());
    if (!valid || (versionRequired && parts.length != 2)) {
      throw new IllegalArgumentException("Expected '" + value + "' to be "
          + (versionRequired ? "NAME/VERSION" : "NAME or NAME/VERSION"));
    }
    return new Slug(parts[0], parts.length == 2 ? parts[1] : null);
  }

  @Override
  public String toString() {
    return version == null ? name : name + "/" + version;
  }
}
