package io.lazarus.core.yaml;

import java.io.StringReader;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A parsed YAML document (manifest, cloud-config, director config) that remembers where each value came from.
 *
 * <p>Values are read with Psych-like YAML 1.1 semantics (aliases and {@code <<} merges resolved) by SnakeYAML's
 * {@link SafeConstructor}; a second pass over the node graph records the line of every path, so that
 * {@link #fail(String, String)} can point at the offending line. Paths look like {@code instance_groups[0].name}.
 *
 * <p>Immutable and thread-safe once built.
 */
public final class YamlDocument {
  private static final int MAX_DOCUMENT_CHARS = 64 * 1024 * 1024;
  private static final int MAX_ALIASES = 10_000;
  private static final String MERGE_KEY = "<<";

  private final String source;
  private final Object root;
  private final Map<String, Integer> lines;
  private final Map<String, String> numbers;

  private YamlDocument(String source, Object root, Positions positions) {
    this.source = source;
    this.root = root;
    this.lines = positions.lines();
    this.numbers = positions.numbers();
  }

  /**
   * Parses {@code text}; {@code source} names it in error messages (a file name, or "request body").
   *
   * @throws YamlException if the text is not well-formed YAML or contains duplicate keys
   */
  public static YamlDocument parse(String source, String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setCodePointLimit(MAX_DOCUMENT_CHARS);
    options.setMaxAliasesForCollections(MAX_ALIASES);
    try {
      Yaml yaml = new Yaml(new SafeConstructor(options));
      Node node = yaml.compose(new StringReader(text));
      Positions positions = new Positions(new HashMap<>(), new HashMap<>());
      if (node != null) {
        record(node, "", positions, 0);
      }
      Object root = new Yaml(new SafeConstructor(options)).load(text);
      return new YamlDocument(source, root, positions);
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() != null ? e.getProblemMark().getLine() + 1 : 0;
      throw new YamlException(source, line, "invalid YAML: " + firstLine(e.getProblem()));
    } catch (YAMLException e) {
      throw new YamlException(source, 0, "invalid YAML: " + firstLine(e.getMessage()));
    }
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable document";
    }
    int newline = message.indexOf('\n');
    return newline < 0 ? message : message.substring(0, newline);
  }

  /** What the node pass collects: the line of every path, and the text of numbers as written. */
  private record Positions(Map<String, Integer> lines, Map<String, String> numbers) {}

  private static void record(Node node, String path, Positions positions, int depth) {
    if (depth > 200) {
      return; // recursive aliases: the loader rejects or bounds them; lines below here are not needed
    }
    positions.lines().putIfAbsent(path, node.getStartMark().getLine() + 1);
    if (node instanceof ScalarNode scalar && (Tag.INT.equals(scalar.getTag()) || Tag.FLOAT.equals(scalar.getTag()))) {
      positions.numbers().putIfAbsent(path, scalar.getValue());
    } else if (node instanceof MappingNode mapping) {
      recordKeys(mapping, path, positions, depth);
      // Keys pulled in by '<<' belong to this mapping too; explicit keys were recorded first, so they keep their line.
      recordMergedKeysOf(mapping, path, positions, depth);
    } else if (node instanceof SequenceNode sequence) {
      List<Node> items = sequence.getValue();
      for (int i = 0; i < items.size(); i++) {
        record(items.get(i), path + "[" + i + "]", positions, depth + 1);
      }
    }
  }

  private static void recordKeys(MappingNode mapping, String path, Positions positions, int depth) {
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key) {
        String child = path.isEmpty() ? key.getValue() : path + "." + key.getValue();
        positions.lines().putIfAbsent(child, tuple.getKeyNode().getStartMark().getLine() + 1);
        record(tuple.getValueNode(), child, positions, depth + 1);
      }
    }
  }

  private static void recordMerged(Node merged, String path, Positions positions, int depth) {
    if (merged instanceof SequenceNode sources) {
      for (Node source : sources.getValue()) {
        recordMerged(source, path, positions, depth);
      }
    } else if (merged instanceof MappingNode mapping) {
      recordKeys(mapping, path, positions, depth);
      recordMergedKeysOf(mapping, path, positions, depth);
    }
  }

  private static void recordMergedKeysOf(MappingNode mapping, String path, Positions positions, int depth) {
    if (depth > 200) {
      return;
    }
    for (NodeTuple tuple : mapping.getValue()) {
      if (tuple.getKeyNode() instanceof ScalarNode key && MERGE_KEY.equals(key.getValue())) {
        recordMerged(tuple.getValueNode(), path, positions, depth + 1);
      }
    }
  }

  public String source() {
    return source;
  }

  /** The document's root value: a {@code Map}, {@code List}, scalar, or null for an empty document. */
  public Object root() {
    return root;
  }

  /** The root as a mapping; an empty document is an empty mapping. */
  public Map<String, Object> rootMap() {
    if (root == null) {
      return new LinkedHashMap<>();
    }
    if (root instanceof Map<?, ?> map) {
      return YamlValues.stringKeyed(this, "", map);
    }
    throw fail("", "expected a mapping at the top of the document, got " + YamlValues.describe(root));
  }

  /**
   * The number at {@code path} as it is written, for fields that are text to people although YAML reads them as
   * numbers: {@code version: 1.10} loads as the number 1.1, but means version "1.10". Empty when the value at
   * {@code path} is not a plain number.
   */
  public Optional<String> numberText(String path) {
    return Optional.ofNullable(numbers.get(path));
  }

  /** The 1-based line where {@code path} starts, or the nearest enclosing path's line, or 0. */
  public int lineOf(String path) {
    String probe = path;
    while (true) {
      Integer line = lines.get(probe);
      if (line != null) {
        return line;
      }
      if (probe.isEmpty()) {
        return 0;
      }
      int cut = Math.max(probe.lastIndexOf('.'), probe.lastIndexOf('['));
      probe = cut < 0 ? "" : probe.substring(0, cut);
    }
  }

  /** An error about the value at {@code path}, naming the source, the path and its line. */
  public YamlException fail(String path, String problem) {
    String where = path.isEmpty() ? "" : "'" + path + "': ";
    return new YamlException(source, lineOf(path), where + problem);
  }
}
