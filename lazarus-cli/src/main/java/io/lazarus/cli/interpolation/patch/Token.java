package io.lazarus.cli.interpolation.patch;

import java.util.List;

/** One step of a {@link Pointer}. */
public sealed interface Token {
  /** The type name go-patch prints for this token in its errors ("patch.KeyToken"). */
  String goType();

  /** The document itself; always the first token. */
  record Root() implements Token {
    @Override
    public String goType() {
      return "patch.RootToken";
    }
  }

  /** An array index, negative from the end: {@code /0}, {@code /-1}, {@code /1:prev}, {@code /0:after}. */
  record Index(int index, List<Modifier> modifiers) implements Token {
    public Index {
      modifiers = List.copyOf(modifiers);
    }

    @Override
    public String goType() {
      return "patch.IndexToken";
    }
  }

  /** The imaginary place after an array's last item: {@code /-}. */
  record AfterLastIndex() implements Token {
    @Override
    public String goType() {
      return "patch.AfterLastIndexToken";
    }
  }

  /** The one map in an array whose {@code key} is the string {@code value}: {@code /name=web}, {@code /name=web?}. */
  record MatchingIndex(String key, String value, boolean optional, List<Modifier> modifiers) implements Token {
    public MatchingIndex {
      modifiers = List.copyOf(modifiers);
    }

    @Override
    public String goType() {
      return "patch.MatchingIndexToken";
    }
  }

  /** A map key: {@code /name}, or {@code /name?} for one that may be missing. */
  record Key(String key, boolean optional) implements Token {
    @Override
    public String goType() {
      return "patch.KeyToken";
    }
  }
}
