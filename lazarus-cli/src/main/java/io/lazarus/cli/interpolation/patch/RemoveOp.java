package io.lazarus.cli.interpolation.patch;

import java.util.List;
import java.util.Map;

/** Removes the value at {@code path}; a missing optional ({@code ?}) key or match leaves the document as it is. */
public record RemoveOp(Pointer path) implements Op {
  @Override
  public Object apply(Object document) {
    List<Token> tokens = path.tokens();
    if (tokens.size() == 1) {
      throw new PatchException("Cannot remove entire document");
    }
    Object node = document;
    for (int i = 1; i < tokens.size(); i++) {
      boolean last = i == tokens.size() - 1;
      Pointer current = path.prefix(i + 1);
      switch (tokens.get(i)) {
        case Token.Index index -> {
          List<Object> array = Trees.array(node, current);
          int at = ArrayIndexes.select(index.index(), index.modifiers(), array, current);
          if (last) {
            array.remove(at);
          } else {
            node = array.get(at);
          }
        }
        case Token.MatchingIndex match -> {
          List<Object> array = Trees.array(node, current);
          List<Integer> matches = Trees.matching(array, match);
          if (match.optional() && matches.isEmpty()) {
            return document;
          }
          if (matches.size() != 1) {
            throw PatchException.notOneMatch(current, matches.size());
          }
          int at = ArrayIndexes.select(matches.getFirst(), match.modifiers(), array, current);
          if (last) {
            array.remove(at);
          } else {
            node = array.get(at);
          }
        }
        case Token.Key key -> {
          Map<Object, Object> map = Trees.map(node, current);
          if (!map.containsKey(key.key())) {
            if (key.optional()) {
              return document;
            }
            throw new MissingMapKeyException(key.key(), current, map);
          }
          if (last) {
            map.remove(key.key());
          } else {
            node = map.get(key.key());
          }
        }
        case Token.Root root -> throw PatchException.unexpectedToken(root, current);
        case Token.AfterLastIndex after -> throw PatchException.unexpectedToken(after, current);
      }
    }
    return document;
  }
}
