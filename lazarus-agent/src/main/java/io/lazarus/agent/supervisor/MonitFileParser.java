package io.lazarus.agent.supervisor;

import io.lazarus.agent.supervisor.MonitTokenizer.Kind;
import io.lazarus.agent.supervisor.MonitTokenizer.Token;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Parses the tokens of one monit file. Keeps what the supervisor runs ({@code check process}, pidfile, start and
 * stop programs with their timeouts, {@code group}, {@code depends on}); skips the statements monit would use for
 * alerting and resource tests; fails on what would make monit refuse the file.
 */
final class MonitFileParser {

  /** Words that begin a statement inside {@code check process}; skipping an ignored statement stops at one. */
  private static final Set<String> CLAUSE_KEYWORDS =
      Set.of("with", "pidfile", "start", "stop", "restart", "group", "depends", "mode", "if", "alert", "noalert",
          "every", "check", "set", "include");

  private final String source;
  private final List<Token> tokens;
  private int position;

  MonitFileParser(String source, List<Token> tokens) {
    this.source = source;
    this.tokens = tokens;
  }

  List<MonitProcess> parse() {
    List<MonitProcess> processes = new ArrayList<>();
    Set<String> names = new HashSet<>();
    while (!atEnd()) {
      Token token = next();
      if (token.isWord("check")) {
        Optional<MonitProcess> process = parseCheck(token);
        if (process.isPresent()) {
          if (!names.add(process.get().name())) {
            throw error(process.get().line(), "process '" + process.get().name() + "' is defined twice");
          }
          processes.add(process.get());
        }
      } else if (token.isWord("set") || token.isWord("include")) {
        skipToTopLevelStatement();
      } else {
        throw error(token.line(), "unexpected " + token.describe() + " outside a check statement");
      }
    }
    return processes;
  }

  private Optional<MonitProcess> parseCheck(Token check) {
    if (atEnd() || peek().kind() != Kind.WORD) {
      throw error(check.line(), "'check' must be followed by a check type such as 'process'");
    }
    Token type = next();
    if (!type.isWord("process")) {
      // check file/host/system/filesystem/...: BOSH jobs rarely carry them and the supervisor runs no such checks.
      skipToTopLevelStatement();
      return Optional.empty();
    }
    if (atEnd() || peek().line() != type.line() || peek().kind() == Kind.COMMA || isClauseKeyword(peek())) {
      throw error(type.line(), "'check process' without a name");
    }
    return Optional.of(parseProcess(next().text(), check.line()));
  }

  private MonitProcess parseProcess(String name, int line) {
    CheckProcessClauses builder = new CheckProcessClauses(name, line);
    while (!atEnd() && !peek().isWord("check") && !peek().isWord("set") && !peek().isWord("include")) {
      Token token = next();
      String word = token.kind() == Kind.WORD ? token.text().toLowerCase(Locale.ROOT) : "";
      switch (word) {
        case "with" -> {
          if (!atEnd() && peek().isWord("pidfile")) {
            next();
            builder.pidfile = pidfile(token);
          }
        }
        case "pidfile" -> builder.pidfile = pidfile(token);
        case "start" -> builder.start = program(token);
        case "stop" -> builder.stop = program(token);
        case "restart" -> program(token);
        case "group" -> builder.groups.add(name(token, "group"));
        case "depends" -> builder.dependsOn.addAll(dependencies(token));
        case "if" -> skipIfStatement(token);
        case "matching" -> throw error(token.line(), "process '" + name + "': 'matching' is not supported, use 'with pidfile'");
        default -> skipToClause();
      }
    }
    return builder.build();
  }

  private Path pidfile(Token keyword) {
    Token path = expectValue(keyword, "a path after 'pidfile'");
    if (!path.text().startsWith("/")) {
      throw error(path.line(), "pidfile " + path.describe() + " is not an absolute path");
    }
    return Path.of(path.text());
  }

  /** {@code start program [=] "CMD" [as uid U] [and gid G] [with timeout N seconds]}. */
  private Program program(Token keyword) {
    if (!atEnd() && peek().isWord("program")) {
      next();
    }
    if (!atEnd() && peek().kind() == Kind.EQUALS) {
      next();
    }
    if (atEnd() || peek().kind() != Kind.STRING) {
      throw error(keyword.line(), "'" + keyword.text() + " program' needs a quoted command");
    }
    Token command = next();
    if (command.text().isBlank()) {
      throw error(command.line(), "'" + keyword.text() + " program' has an empty command");
    }
    Optional<Duration> timeout = Optional.empty();
    while (!atEnd()) {
      if (peek().isWord("as") || peek().isWord("and")) {
        next();
        if (!atEnd() && (peek().isWord("uid") || peek().isWord("gid"))) {
          Token idKind = next();
          expectValue(idKind, "a user or group after '" + idKind.text() + "'");
        }
      } else if (peek().isWord("with") && position + 1 < tokens.size() && tokens.get(position + 1).isWord("timeout")) {
        next();
        timeout = Optional.of(timeout(next()));
      } else if (peek().isWord("timeout")) {
        timeout = Optional.of(timeout(next()));
      } else {
        break;
      }
    }
    return new Program(command.text(), timeout);
  }

  private Duration timeout(Token keyword) {
    Token amount = expectValue(keyword, "a number of seconds after 'timeout'");
    long value;
    try {
      value = Long.parseLong(amount.text());
    } catch (NumberFormatException e) {
      throw error(amount.line(), "timeout " + amount.describe() + " is not a whole number");
    }
    if (value <= 0) {
      throw error(amount.line(), "timeout must be positive, got " + value);
    }
    Token unit = expectValue(amount, "a unit after the timeout (seconds or minutes)");
    return switch (unit.text().toLowerCase(Locale.ROOT)) {
      case "second", "seconds" -> Duration.ofSeconds(value);
      case "minute", "minutes" -> Duration.ofMinutes(value);
      default -> throw error(unit.line(), "timeout unit " + unit.describe() + " is not 'seconds' or 'minutes'");
    };
  }

  private List<String> dependencies(Token keyword) {
    if (!atEnd() && peek().isWord("on")) {
      next();
    }
    List<String> names = new ArrayList<>();
    names.add(name(keyword, "depends on"));
    while (!atEnd() && peek().kind() == Kind.COMMA) {
      Token comma = next();
      names.add(name(comma, "depends on"));
    }
    return names;
  }

  private String name(Token after, String what) {
    if (atEnd() || peek().kind() != Kind.WORD && peek().kind() != Kind.STRING) {
      throw error(after.line(), "'" + what + "' needs a name");
    }
    return next().text();
  }

  /** {@code if CONDITION then ACTION [else if CONDITION then ACTION]}; the condition may hold anything. */
  private void skipIfStatement(Token ifToken) {
    while (true) {
      while (!atEnd() && !peek().isWord("then")) {
        if (peek().isWord("check")) {
          break;
        }
        next();
      }
      if (atEnd() || !peek().isWord("then")) {
        throw error(ifToken.line(), "'if' without 'then'");
      }
      Token then = next();
      Token action = expectValue(then, "an action after 'then'");
      if (action.isWord("exec")) {
        expectValue(action, "a quoted command after 'exec'");
      }
      skipToClause();
      if (atEnd() || !peek().isWord("else")) {
        return;
      }
      next();
      if (!atEnd() && peek().isWord("if")) {
        next();
      }
    }
  }

  /** Skips an ignored statement: everything up to the next statement keyword, braces included. */
  private void skipToClause() {
    int depth = 0;
    while (!atEnd()) {
      Token token = peek();
      if (token.kind() == Kind.OPEN_BRACE) {
        depth++;
      } else if (token.kind() == Kind.CLOSE_BRACE) {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && (isClauseKeyword(token) || token.isWord("else"))) {
        return;
      }
      next();
    }
  }

  private void skipToTopLevelStatement() {
    while (!atEnd() && !peek().isWord("check") && !peek().isWord("set") && !peek().isWord("include")) {
      next();
    }
  }

  private Token expectValue(Token after, String what) {
    if (atEnd() || peek().kind() != Kind.WORD && peek().kind() != Kind.STRING) {
      throw error(after.line(), "expected " + what);
    }
    return next();
  }

  private static boolean isClauseKeyword(Token token) {
    return token.kind() == Kind.WORD && CLAUSE_KEYWORDS.contains(token.text().toLowerCase(Locale.ROOT));
  }

  private boolean atEnd() {
    return position >= tokens.size();
  }

  private Token peek() {
    return tokens.get(position);
  }

  private Token next() {
    return tokens.get(position++);
  }

  private MonitFileException error(int line, String problem) {
    return new MonitFileException(source, line, problem);
  }

  private record Program(String command, Optional<Duration> timeout) {}

  /** Collects the clauses of one {@code check process}, then checks it has what the supervisor needs. */
  private final class CheckProcessClauses {
    private final String name;
    private final int line;
    private Path pidfile;
    private Program start;
    private Program stop;
    private final List<String> groups = new ArrayList<>();
    private final List<String> dependsOn = new ArrayList<>();

    CheckProcessClauses(String name, int line) {
      this.name = name;
      this.line = line;
    }

    MonitProcess build() {
      if (pidfile == null) {
        throw error(line, "process '" + name + "' has no pidfile ('with pidfile /path/to/file.pid')");
      }
      if (start == null) {
        throw error(line, "process '" + name + "' has no start program ('start program \"...\"')");
      }
      return new MonitProcess(
          name,
          pidfile,
          start.command(),
          start.timeout(),
          Optional.ofNullable(stop).map(Program::command),
          Optional.ofNullable(stop).flatMap(Program::timeout),
          groups,
          dependsOn,
          source,
          line);
    }
  }
}
