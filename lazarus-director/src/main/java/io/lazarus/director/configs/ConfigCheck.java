package io.lazarus.director.configs;

/**
 * Checks a config's content before it is stored or diffed, for the types whose content the Director itself reads
 * (e.g. {@code cpi}): a bad config is refused, naming what is wrong, before anything is written.
 */
@FunctionalInterface
public interface ConfigCheck {
  /** Accepts every content (beyond being a YAML mapping, which the routes check for every type). */
  ConfigCheck NONE = (type, name, content) -> {};

  /** Throws a {@code DirectorException} naming the problem when {@code content} is not acceptable. */
  void check(String type, String name, String content);
}
