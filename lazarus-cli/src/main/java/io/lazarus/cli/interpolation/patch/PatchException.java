package io.lazarus.cli.interpolation.patch;

import io.lazarus.cli.interpolation.yaml.GoValues;

/** An ops file or path that cannot be applied; the message is go-patch's. */
public class PatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PatchException(String message) {
    super(message);
  }

  static PatchException expectedArray(Pointer path, Object found) {
    return mismatch("an array", path, found);
  }

  static PatchException expectedMap(Pointer path, Object found) {
    return mismatch("a map", path, found);
  }

  private static PatchException mismatch(String expected, Pointer path, Object found) {
    return new PatchException("Expected to find " + expected + " at path '" + path + "' but found '" + GoValues.typeName(found) + "'");
  }

  static PatchException notOneMatch(Pointer path, int matches) {
    return new PatchException("Expected to find exactly one matching array item for path '" + path + "' but found " + matches);
  }

  static PatchException unexpectedToken(Token token, Pointer path) {
    return new PatchException("Expected to not find token '" + token.goType() + "' at path '" + path + "'");
  }
}
