package io.lazarus.cli.interpolation.patch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the value at {@code path} without changing anything ({@code bosh int --path}, {@code ((var.key))}, the
 * {@code test} operation). A missing optional key reads as null.
 */
public record FindOp(Pointer path) implements Op {
  @Override
  public Object apply(Object document) {
    List<Token> tokens = path.tokens();
    Object node = document;
    for (int i = 1; i < tokens.size(); i++) {
      boolean last = i == tokens.size() - 1;
      Pointer current = path.prefix(i + 1);
      switch (tokens.get(i)) {
        case Token.Index index -> {
          List<Object> array = Trees.array(node, current);
          node = array.get(ArrayIndexes.select(index.index(), index.modifiers(), array, current));
        }
        case Token.AfterLastIndex after ->
            throw new PatchException("Expected not to find after last index token in path '" + path + "' (not supported in find operations)");
        case Token.MatchingIndex match -> node = findMatch(match, Trees.array(node, current), current);
        case Token.Key key -> {
          Map<Object, Object> map = Trees.map(node, current);
          boolean found = map.containsKey(key.key());
          if (!found && !key.optional()) {
            throw new MissingMapKeyException(key.key(), current, map);
          }
          node = found || last ? map.get(key.key()) : placeholderFor(tokens.get(i + 1), path.prefix(i + 2));
        }
        case Token.Root root -> throw PatchException.unexpectedToken(root, current);
      }
    }
    return node;
  }

  private static Object findMatch(Token.MatchingIndex match, List<Object> array, Pointer current) {
    List<Integer> matches = Trees.matching(array, match);
    if (match.optional() && matches.isEmpty()) {
      Map<Object, Object> absent = new LinkedHashMap<>();
      absent.put(match.key(), match.value());
      return absent;
    }
    if (matches.size() != 1) {
      throw PatchException.notOneMatch(current, matches.size());
    }
    return array.get(ArrayIndexes.select(matches.getFirst(), match.modifiers(), array, current));
  }

  /** What an optional key that is missing reads as when the path goes on below it. */
  private static Object placeholderFor(Token next, Pointer nextPath) {
    return switch (next) {
      case Token.MatchingIndex match -> new ArrayList<>();
      case Token.Key key -> new LinkedHashMap<>();
      default -> throw new PatchException("Expected to find key or matching index token at path '" + nextPath + "'");
    };
  }
}
