package io.lazarus.agent.supervisor;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a monit file into tokens. Monit's syntax is free-form (a statement may span lines), so the parser works on
 * tokens rather than lines; each token keeps its line for error messages. {@code #} starts a comment outside quotes;
 * quoted strings (double or single quotes, no escapes, as in monit) must close on their own line.
 */
final class MonitTokenizer {

  enum Kind {
    WORD,
    STRING,
    COMMA,
    EQUALS,
    OPEN_BRACE,
    CLOSE_BRACE
  }

  record Token(Kind kind, String text, int line) {

    boolean isWord(String keyword) {
      return kind == Kind.WORD && text.equalsIgnoreCase(keyword);
    }

    String describe() {
      return kind == Kind.STRING ? "\"" + text + "\"" : "'" + text + "'";
    }
  }

  private MonitTokenizer() {}

  static List<Token> tokenize(String source, String text) {
    List<Token> tokens = new ArrayList<>();
    int line = 1;
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (c == '\n') {
        line++;
        i++;
      } else if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '#') {
        while (i < text.length() && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '"' || c == '\'') {
        int end = text.indexOf(c, i + 1);
        int newline = text.indexOf('\n', i + 1);
        if (end < 0 || (newline >= 0 && newline < end)) {
          throw new MonitFileException(source, line, "unterminated quoted string (opened with " + c + ")");
        }
        tokens.add(new Token(Kind.STRING, text.substring(i + 1, end), line));
        i = end + 1;
      } else if (c == ',' || c == '=' || c == '{' || c == '}') {
        tokens.add(new Token(punctuation(c), String.valueOf(c), line));
        i++;
      } else {
        int start = i;
        while (i < text.length() && !endsWord(text.charAt(i))) {
          i++;
        }
        tokens.add(new Token(Kind.WORD, text.substring(start, i), line));
      }
    }
    return tokens;
  }

  private static boolean endsWord(char c) {
    return Character.isWhitespace(c) || "\"',={}#".indexOf(c) >= 0;
  }

  private static Kind punctuation(char c) {
    return switch (c) {
      case ',' -> Kind.COMMA;
      case '=' -> Kind.EQUALS;
      case '{' -> Kind.OPEN_BRACE;
      default -> Kind.CLOSE_BRACE;
    };
  }
}
