package io.lazarus.cli.interpolation.patch;

import java.util.Map;
import java.util.stream.Collectors;

/** A path names a map key that is not there. */
public final class MissingMapKeyException extends PatchException {
  private static final long serialVersionUID = 1L;

  private final transient Pointer path;

  MissingMapKeyException(String key, Pointer path, Map<?, ?> map) {
    super("Expected to find a map key '" + key + "' for path '" + path + "' (" + siblings(map) + ")");
    this.path = path;
  }

  /** The path up to and including the missing key. */
  public Pointer path() {
    return path;
  }

  private static String siblings(Map<?, ?> map) {
    if (map.isEmpty()) {
      return "found no other map keys";
    }
    return map.keySet().stream().filter(String.class::isInstance).map(String.class::cast).sorted()
        .collect(Collectors.joining("', '", "found map keys: '", "'"));
  }
}
