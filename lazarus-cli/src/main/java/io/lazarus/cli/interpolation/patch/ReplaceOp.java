package io.lazarus.cli.interpolation.patch;

import io.lazarus.cli.interpolation.yaml.GoYaml;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets the value at {@code path}, creating what optional ({@code ?}) keys and matches name, appending at {@code -},
 * inserting with {@code :before}/{@code :after}. Each application puts its own copy of {@code value}, so later
 * operations never change the value of an earlier one.
 */
public record ReplaceOp(Pointer path, Object value) implements Op {
  @Override
  public Object apply(Object document) {
    List<Token> tokens = path.tokens();
    if (tokens.size() == 1) {
      return GoYaml.copy(value);
    }
    Object node = document;
    for (int i = 1; i < tokens.size(); i++) {
      boolean last = i == tokens.size() - 1;
      Pointer current = path.prefix(i + 1);
      switch (tokens.get(i)) {
        case Token.Index index -> {
          List<Object> array = Trees.array(node, current);
          if (last) {
            ArrayIndexes.insertion(index.index(), index.modifiers(), array, current).apply(array, GoYaml.copy(value));
          } else {
            node = array.get(ArrayIndexes.select(index.index(), index.modifiers(), array, current));
          }
        }
        case Token.AfterLastIndex after -> {
          List<Object> array = Trees.array(node, current);
          if (!last) {
            throw new PatchException("Expected after last index token to be last in path '" + path + "'");
          }
          array.add(GoYaml.copy(value));
        }
        case Token.MatchingIndex match -> node = replaceMatch(match, Trees.array(node, current), current, last);
        case Token.Key key -> node = replaceKey(key, Trees.map(node, current), i, last);
        case Token.Root root -> throw PatchException.unexpectedToken(root, current);
      }
    }
    return document;
  }

  /** Replaces at, or descends into, the one matching map; an optional match that finds none appends one. */
  private Object replaceMatch(Token.MatchingIndex match, List<Object> array, Pointer current, boolean last) {
    List<Integer> matches = Trees.matching(array, match);
    if (match.optional() && matches.isEmpty()) {
      if (last) {
        array.add(GoYaml.copy(value));
        return null;
      }
      Map<Object, Object> created = new LinkedHashMap<>();
      created.put(match.key(), match.value());
      array.add(created);
      return created;
    }
    if (matches.size() != 1) {
      throw PatchException.notOneMatch(current, matches.size());
    }
    if (last) {
      ArrayIndexes.insertion(matches.getFirst(), match.modifiers(), array, current).apply(array, GoYaml.copy(value));
      return null;
    }
    return array.get(ArrayIndexes.select(matches.getFirst(), match.modifiers(), array, current));
  }

  /** Sets, or descends into, a map key; a missing optional key is created as what the next token needs. */
  private Object replaceKey(Token.Key key, Map<Object, Object> map, int i, boolean last) {
    boolean found = map.containsKey(key.key());
    if (!found && !key.optional()) {
      throw new MissingMapKeyException(key.key(), path.prefix(i + 1), map);
    }
    if (last) {
      map.put(key.key(), GoYaml.copy(value));
      return null;
    }
    if (found) {
      return map.get(key.key());
    }
    Object created = switch (path.tokens().get(i + 1)) {
      case Token.AfterLastIndex after -> new ArrayList<>();
      case Token.MatchingIndex match -> new ArrayList<>();
      case Token.Key next -> new LinkedHashMap<>();
      default -> throw new PatchException("Expected to find key, matching index or after last index token at path '" + path.prefix(i + 2) + "'");
    };
    map.put(key.key(), created);
    return created;
  }
}
