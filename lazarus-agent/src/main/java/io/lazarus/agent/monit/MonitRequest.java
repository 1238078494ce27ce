package io.lazarus.agent.monit;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One command of the {@code monit} command line, as it travels over the control socket: one line,
 * {@code <action> [<target>]}, where the target is a process name or {@code all}.
 */
record MonitRequest(Action action, Optional<String> target) {

  enum Action {
    SUMMARY(false),
    STATUS(false),
    START(true),
    STOP(true),
    RESTART(true),
    MONITOR(true),
    UNMONITOR(true);

    private final boolean needsTarget;

    Action(boolean needsTarget) {
      this.needsTarget = needsTarget;
    }

    String word() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  static final String ALL = "all";

  /** The request the command-line words ask for; the message of the exception is for the operator. */
  static MonitRequest fromArgs(List<String> words) {
    if (words.isEmpty()) {
      throw new IllegalArgumentException("no action given  (-h will show valid arguments)");
    }
    Action action = actionOf(words.get(0))
        .orElseThrow(() -> new IllegalArgumentException(invalid(words.get(0))));
    if (words.size() > 2) {
      throw new IllegalArgumentException(invalid(words.get(2)));
    }
    Optional<String> target = words.size() == 2 ? Optional.of(words.get(1)) : Optional.empty();
    if (action.needsTarget && target.isEmpty()) {
      throw new IllegalArgumentException(
          "please specify the configured service name or 'all' after " + action.word());
    }
    if (action == Action.SUMMARY && target.isPresent()) {
      throw new IllegalArgumentException(invalid(target.get()));
    }
    return new MonitRequest(action, target);
  }

  static MonitRequest fromLine(String line) {
    return fromArgs(List.of(line.trim().split("\\s+")));
  }

  String toLine() {
    return action.word() + target.map(t -> " " + t).orElse("");
  }

  boolean targetsAll() {
    return target.filter(ALL::equals).isPresent();
  }

  private static Optional<Action> actionOf(String word) {
    for (Action action : Action.values()) {
      if (action.word().equals(word)) {
        return Optional.of(action);
      }
    }
    return Optional.empty();
  }

  private static String invalid(String word) {
    return "invalid argument -- " + word + "  (-h will show valid arguments)";
  }
}
