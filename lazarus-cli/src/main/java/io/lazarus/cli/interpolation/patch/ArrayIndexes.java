package io.lazarus.cli.interpolation.patch;

import java.util.ArrayList;
import java.util.List;

/** Where an index token with its modifiers lands in an array: the item it selects, or where a new item goes. */
final class ArrayIndexes {
  private ArrayIndexes() {}

  /** An item's index or an insertion point, and which of the two. */
  record Insertion(int index, boolean insert) {
    void apply(List<Object> array, Object value) {
      if (insert) {
        array.add(index, value);
      } else {
        array.set(index, value);
      }
    }
  }

  /** The item {@code index} adjusted by {@code :prev}/{@code :next} selects; negative counts from the end. */
  static int select(int index, List<Modifier> modifiers, List<Object> array, Pointer path) {
    int result = index;
    for (Modifier modifier : modifiers) {
      switch (modifier) {
        case PREV -> result -= 1;
        case NEXT -> result += 1;
        default -> throw new PatchException("Expected to find one of the following modifiers: 'prev', 'next', but found modifier '" + modifier.goType() + "'");
      }
    }
    if (result >= array.size() || -result - 1 >= array.size()) {
      throw new MissingIndexException(result, array.size(), path);
    }
    return result < 0 ? array.size() + result : result;
  }

  /** The item to replace, or with a final {@code :before}/{@code :after} the place to insert at. */
  static Insertion insertion(int index, List<Modifier> modifiers, List<Object> array, Pointer path) {
    List<Modifier> selecting = new ArrayList<>();
    Modifier placement = null;
    for (Modifier modifier : modifiers) {
      if (placement != null) {
        throw new PatchException("Expected to not find any modifiers after '" + placement.text() + "' modifier, but found modifier '" + modifier.goType() + "'");
      }
      if (modifier == Modifier.BEFORE || modifier == Modifier.AFTER) {
        placement = modifier;
      } else {
        selecting.add(modifier);
      }
    }
    int selected = select(index, selecting, array, path);
    if (placement == Modifier.AFTER) {
      selected += 1;
    }
    return new Insertion(selected, placement != null);
  }
}
