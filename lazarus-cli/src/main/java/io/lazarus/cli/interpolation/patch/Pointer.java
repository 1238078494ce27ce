package io.lazarus.cli.interpolation.patch;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A location in a YAML document, in go-patch's syntax: {@code /} separates tokens; a number is an array index, {@code -}
 * (last) the place after an array's end, {@code key=value} the map in an array whose key has that value, anything
 * else a map key; {@code ?} after a key or value makes it and every later key optional; {@code :prev}, {@code :next},
 * {@code :before}, {@code :after} adjust an index. {@code ~0 ~1 ~2 ~3 ~7} escape {@code ~ / ? = :}.
 *
 * <p>Immutable.
 */
public final class Pointer {
  private static final Pattern INDEX = Pattern.compile("[-+]?[0-9]+");

  private final List<Token> tokens;

  private Pointer(List<Token> tokens) {
    this.tokens = List.copyOf(tokens);
  }

  /** A pointer of {@code tokens}, the first of which must be the root. */
  public static Pointer of(List<Token> tokens) {
    if (tokens.isEmpty() || !(tokens.getFirst() instanceof Token.Root)) {
      throw new IllegalArgumentException("Expected first token to be root");
    }
    return new Pointer(tokens);
  }

  /**
   * Parses go-patch's path syntax.
   *
   * @throws PatchException with go-patch's message when the path is malformed
   */
  public static Pointer parse(String text) {
    List<Token> tokens = new ArrayList<>();
    tokens.add(new Token.Root());
    if (text.isEmpty()) {
      return new Pointer(tokens);
    }
    if (!text.startsWith("/")) {
      throw new PatchException("Expected to start with '/'");
    }
    String[] parts = text.substring(1).split("/", -1);
    boolean optional = false;
    for (int i = 0; i < parts.length; i++) {
      boolean last = i == parts.length - 1;
      String[] pieces = parts[i].split(":", -1);
      String token = pieces[0];
      List<Modifier> modifiers = new ArrayList<>();
      for (int p = 1; p < pieces.length; p++) {
        Modifier modifier = Modifier.parse(pieces[p]);
        if (modifier == null) {
          // go-patch names the first modifier of the token here, whichever one is unknown
          throw new PatchException("Expected to find one of the following modifiers: 'prev', 'next', 'before', or 'after' but found '" + pieces[1] + "'");
        }
        modifiers.add(modifier);
      }
      if (last && token.equals("-")) {
        if (!modifiers.isEmpty()) {
          throw new PatchException("Expected not to find any modifiers with after last index token");
        }
        tokens.add(new Token.AfterLastIndex());
        continue;
      }
      Integer index = index(token);
      if (index != null) {
        tokens.add(new Token.Index(index, modifiers));
        continue;
      }
      if (token.endsWith("?")) {
        optional = true;
        token = token.substring(0, token.length() - 1);
      }
      int equals = token.indexOf('=');
      if (equals >= 0) {
        tokens.add(new Token.MatchingIndex(decode(token.substring(0, equals)), decode(token.substring(equals + 1)), optional, modifiers));
        continue;
      }
      if (!modifiers.isEmpty()) {
        throw new PatchException("Expected not to find any modifiers with key token");
      }
      tokens.add(new Token.Key(decode(token), optional));
    }
    return new Pointer(tokens);
  }

  public List<Token> tokens() {
    return tokens;
  }

  /** The pointer made of this one's first {@code count} tokens. */
  public Pointer prefix(int count) {
    return new Pointer(tokens.subList(0, count));
  }

  /** The path as go-patch prints it: {@code ?} only after the first optional token, escapes re-applied. */
  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    boolean optional = false;
    for (Token token : tokens) {
      switch (token) {
        case Token.Root root -> parts.add("");
        case Token.Index index -> parts.add(index.index() + modifiers(index.modifiers()));
        case Token.AfterLastIndex after -> parts.add("-");
        case Token.MatchingIndex match -> {
          String value = encode(match.value());
          if (match.optional() && !optional) {
            value += "?";
            optional = true;
          }
          parts.add(encode(match.key()) + "=" + value + modifiers(match.modifiers()));
        }
        case Token.Key key -> {
          String text = encode(key.key());
          if (key.optional() && !optional) {
            text += "?";
            optional = true;
          }
          parts.add(text);
        }
      }
    }
    return String.join("/", parts);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Pointer pointer && pointer.tokens.equals(tokens);
  }

  @Override
  public int hashCode() {
    return tokens.hashCode();
  }

  /** The index an all-digits token names, as Go's strconv.Atoi reads it; null for any other token. */
  private static Integer index(String token) {
    if (!INDEX.matcher(token).matches()) {
      return null;
    }
    try {
      return Integer.parseInt(token);
    } catch (NumberFormatException tooLarge) {
      return null;
    }
  }

  private static String modifiers(List<Modifier> modifiers) {
    return modifiers.stream().map(modifier -> ":" + modifier.text()).collect(Collectors.joining());
  }

  private static String decode(String text) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '~' && i + 1 < text.length()) {
        String replacement = switch (text.charAt(i + 1)) {
          case '0' -> "~";
          case '1' -> "/";
          case '2' -> "?";
          case '3' -> "=";
          case '7' -> ":";
          default -> null;
        };
        if (replacement != null) {
          out.append(replacement);
          i++;
          continue;
        }
      }
      out.append(c);
    }
    return out.toString();
  }

  private static String encode(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      switch (c) {
        case '~' -> out.append("~0");
        case '/' -> out.append("~1");
        case '?' -> out.append("~2");
        case '=' -> out.append("~3");
        case ':' -> out.append("~7");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
