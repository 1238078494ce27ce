package io.lazarus.cli.interpolation.patch;

/** An operation whose failures say which one failed: the bosh CLI names each by its index and ops file. */
public record DescriptiveOp(Op op, String errorMessage) implements Op {
  @Override
  public Object apply(Object document) {
    try {
      return op.apply(document);
    } catch (PatchException e) {
      throw new PatchException("Error '" + errorMessage + "': " + e.getMessage());
    }
  }
}
