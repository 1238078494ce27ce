package io.lazarus.cli.interpolation.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The casts every operation makes while walking a tree, failing with go-patch's messages. */
final class Trees {
  private Trees() {}

  @SuppressWarnings("unchecked")
  static List<Object> array(Object node, Pointer path) {
    if (node instanceof List<?> list) {
      return (List<Object>) list;
    }
    throw PatchException.expectedArray(path, node);
  }

  @SuppressWarnings("unchecked")
  static Map<Object, Object> map(Object node, Pointer path) {
    if (node instanceof Map<?, ?> map) {
      return (Map<Object, Object>) map;
    }
    throw PatchException.expectedMap(path, node);
  }

  /** The indexes of the maps in {@code array} whose {@code key} is the string {@code value}. */
  static List<Integer> matching(List<Object> array, Token.MatchingIndex token) {
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < array.size(); i++) {
      if (array.get(i) instanceof Map<?, ?> item && token.value().equals(item.get(token.key()))) {
        indexes.add(i);
      }
    }
    return indexes;
  }
}
