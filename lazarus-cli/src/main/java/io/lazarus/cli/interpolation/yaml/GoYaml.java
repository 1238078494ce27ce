package io.lazarus.cli.interpolation.yaml;

import io.lazarus.core.yaml.YamlException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.representer.Representer;

/**
 * Reads and writes YAML trees the way the bosh CLI's Go YAML library does (see the package description). A loaded
 * tree is mutable ({@link LinkedHashMap}, {@link ArrayList}) and shares nothing, not even what YAML aliases share,
 * so that an operation on one place never changes another.
 *
 * <p>Thread-safe: every call builds its own parser or emitter.
 */
public final class GoYaml {
  private static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;
  private static final int MAX_ALIASES = 10_000;
  private static final int MAX_DEPTH = 1_000;

  private GoYaml() {}

  /**
   * The value of the YAML document {@code text}; null for an empty document. {@code source} names the text in
   * errors.
   *
   * @throws YamlException naming the source and the line when the text is not well-formed YAML
   */
  public static Object load(String source, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    DumperOptions unused = new DumperOptions();
    Yaml yaml = new Yaml(new GoYamlConstructor(options), new Representer(unused), unused, options, new GoYamlResolver());
    try {
      return copy(yaml.load(new StringReader(text)), source);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new YamlException(source, line, "invalid YAML: " + firstLine(e.getProblem()));
    } catch (YAMLException e) {
      throw new YamlException(source, 0, "invalid YAML: " + firstLine(e.getMessage()));
    }
  }

  /** What is wrong in {@code e}'s document, without the source name (for messages that already name it). */
  public static String problem(YamlException e) {
    String prefix = e.source() + ": ";
    return e.getMessage().startsWith(prefix) ? e.getMessage().substring(prefix.length()) : e.getMessage();
  }

  /** {@code value} as a YAML document: block style, keys in Go's order, ending with a newline. */
  public static String dump(Object value) {
    DumperOptions options = new DumperOptions();
    options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
    options.setIndent(2);
    options.setWidth(Integer.MAX_VALUE);
    options.setSplitLines(false);
    options.setDereferenceAliases(true);
    options.setNonPrintableStyle(DumperOptions.NonPrintableStyle.ESCAPE);
    // The emitter quotes any string that a YAML 1.1 reader would take for something else ("12:30", "2026-01-01",
    // "yes"), so what the Director reads back is what was written.
    return new Yaml(new GoYamlRepresenter(options), options).dump(sorted(value));
  }

  /** A deep copy of a loaded tree: maps and lists are new, scalars are shared (they are immutable). */
  public static Object copy(Object value) {
    return copy(value, "value");
  }

  /**
   * Whether two loaded trees hold the same values: what Go's reflect.DeepEqual says of them (a number equals a
   * number of the same kind and value, so 1.10 equals 1.1 but 1 does not equal 1.0).
   */
  public static boolean same(Object a, Object b) {
    if (a instanceof Map<?, ?> left && b instanceof Map<?, ?> right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (Map.Entry<?, ?> entry : left.entrySet()) {
        if (!right.containsKey(entry.getKey()) || !same(entry.getValue(), right.get(entry.getKey()))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof List<?> left && b instanceof List<?> right) {
      if (left.size() != right.size()) {
        return false;
      }
      for (int i = 0; i < left.size(); i++) {
        if (!same(left.get(i), right.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a instanceof BigDecimal left && b instanceof BigDecimal right) {
      return left.compareTo(right) == 0;
    }
    if (integral(a) && integral(b)) {
      return new BigInteger(a.toString()).equals(new BigInteger(b.toString()));
    }
    return a == null ? b == null : a.equals(b);
  }

  private static boolean integral(Object value) {
    return value instanceof Integer || value instanceof Long || value instanceof BigInteger;
  }

  private static Object copy(Object value, String source) {
    return copy(value, source, 0);
  }

  private static Object copy(Object value, String source, int depth) {
    if (depth > MAX_DEPTH) {
      throw new YamlException(source, 0, "the document nests deeper than " + MAX_DEPTH + " levels (an alias that contains itself?)");
    }
    if (value instanceof Map<?, ?> map) {
      Map<Object, Object> copy = new LinkedHashMap<>();
      map.forEach((key, item) -> copy.put(key, copy(item, source, depth + 1)));
      return copy;
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(copy(item, source, depth + 1)));
      return copy;
    }
    return value;
  }

  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      List<Object> keys = new ArrayList<>(map.keySet());
      keys.sort(GoKeyOrder.INSTANCE);
      Map<Object, Object> sorted = new LinkedHashMap<>();
      keys.forEach(key -> sorted.put(key, sorted(map.get(key))));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(GoYaml::sorted).toList();
    }
    return value;
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }
}
