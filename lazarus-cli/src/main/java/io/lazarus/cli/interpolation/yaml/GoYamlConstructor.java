package io.lazarus.cli.interpolation.yaml;

import java.math.BigDecimal;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.constructor.AbstractConstruct;
import org.yaml.snakeyaml.constructor.Construct;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * SnakeYAML's safe constructor with two changes: a float keeps the digits it was written with ({@code 1.10} stays
 * 1.10 when written back, where a double would print 1.1: versions are often written so), and an explicit
 * {@code !!timestamp} is kept as its text.
 */
final class GoYamlConstructor extends SafeConstructor {
  GoYamlConstructor(LoaderOptions options) {
    super(options);
    Construct doubles = yamlConstructors.get(Tag.FLOAT);
    yamlConstructors.put(Tag.FLOAT, new ConstructDecimal(doubles));
    yamlConstructors.put(Tag.TIMESTAMP, new ConstructText());
  }

  private final class ConstructDecimal extends AbstractConstruct {
    private final Construct doubles;

    ConstructDecimal(Construct doubles) {
      this.doubles = doubles;
    }

    @Override
    public Object construct(Node node) {
      String text = constructScalar((ScalarNode) node).replace("_", "");
      if (text.contains("inf") || text.contains("Inf") || text.contains("INF") || text.toLowerCase().contains("nan")) {
        return doubles.construct(node);
      }
      BigDecimal value = new BigDecimal(text);
      // "1." has no fraction digits; keep it a float when written back ("1.0"), not the integer 1.
      return value.scale() <= 0 && !text.contains("e") && !text.contains("E") ? value.setScale(1) : value;
    }
  }

  private final class ConstructText extends AbstractConstruct {
    @Override
    public Object construct(Node node) {
      return constructScalar((ScalarNode) node);
    }
  }
}
