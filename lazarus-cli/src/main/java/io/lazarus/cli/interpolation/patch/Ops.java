package io.lazarus.cli.interpolation.patch;

import java.util.List;

/** Operations applied one after the other, each to the result of the one before; the first failure stops them. */
public record Ops(List<Op> ops) implements Op {
  public Ops {
    ops = List.copyOf(ops);
  }

  @Override
  public Object apply(Object document) {
    Object result = document;
    for (Op op : ops) {
      result = op.apply(result);
    }
    return result;
  }
}
