package io.lazarus.cli.interpolation.patch;

import io.lazarus.cli.interpolation.yaml.GoYaml;

/**
 * Checks the document without changing it: the value at {@code path} equals {@code value}, or with {@code absent}
 * the path's last key or index is missing. Ops files use it to fail early on a manifest they were not written for.
 */
public record TestOp(Pointer path, Object value, boolean absent) implements Op {
  @Override
  public Object apply(Object document) {
    if (absent) {
      return checkAbsence(document);
    }
    if (!GoYaml.same(new FindOp(path).apply(document), value)) {
      throw new PatchException("Found value does not match expected value");
    }
    return document;
  }

  private Object checkAbsence(Object document) {
    try {
      new FindOp(path).apply(document);
    } catch (MissingIndexException e) {
      if (e.path().toString().equals(path.toString())) {
        return document;
      }
      throw e;
    } catch (MissingMapKeyException e) {
      if (e.path().toString().equals(path.toString())) {
        return document;
      }
      throw e;
    }
    throw new PatchException("Expected to not find '" + path + "'");
  }
}
