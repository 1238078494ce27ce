package io.lazarus.cli.interpolation.yaml;

import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Chooses string styles as Go's YAML library does: a multi-line string as a literal block ({@code |-}), for
 * certificates and keys; a string that cannot be written plain in double quotes ({@code ""}, {@code "yes"},
 * {@code "1.10"}); any other plain. The emitter still falls back to quotes where a chosen style cannot hold the text.
 */
final class GoYamlRepresenter extends Representer {
  private static final String LEADING_INDICATORS = "#,[]{}&*!|>'\"%@`";

  private final Resolver resolver = new Resolver();

  GoYamlRepresenter(DumperOptions options) {
    super(options);
    representers.put(String.class, data -> {
      String text = (String) data;
      DumperOptions.ScalarStyle style = text.indexOf('\n') >= 0 ? DumperOptions.ScalarStyle.LITERAL
          : needsQuotes(text) ? DumperOptions.ScalarStyle.DOUBLE_QUOTED : DumperOptions.ScalarStyle.PLAIN;
      return representScalar(Tag.STR, text, style);
    });
  }

  /** Whether a plain scalar would not read back as this same string. */
  private boolean needsQuotes(String text) {
    if (text.isEmpty() || !Tag.STR.equals(resolver.resolve(NodeId.scalar, text, true))) {
      return true;
    }
    char first = text.charAt(0);
    char last = text.charAt(text.length() - 1);
    return Character.isWhitespace(first) || Character.isWhitespace(last) || LEADING_INDICATORS.indexOf(first) >= 0
        || ((first == '-' || first == '?' || first == ':') && (text.length() == 1 || text.charAt(1) == ' '))
        || text.contains(": ") || text.contains(" #") || last == ':'
        || text.chars().anyMatch(c -> c < ' ' || c == 0x7f);
  }
}
