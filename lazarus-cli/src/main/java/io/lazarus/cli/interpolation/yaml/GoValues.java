package io.lazarus.cli.interpolation.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Values of a loaded tree described as Go's {@code %T} and {@code %v} describe them, for the bosh CLI's error
 * messages ("Expected to find a map at path '/a' but found '[]interface {}'").
 */
public final class GoValues {
  private GoValues() {}

  /** Go's name for the type of {@code value} as its YAML library loads it. */
  public static String typeName(Object value) {
    return switch (value) {
      case null -> "<nil>";
      case String text -> "string";
      case Boolean bool -> "bool";
      case Integer integer -> "int";
      case Long integer -> "int";
      case BigInteger integer -> "uint64";
      case BigDecimal decimal -> "float64";
      case Double real -> "float64";
      case Map<?, ?> map -> "map[interface {}]interface {}";
      case List<?> list -> "[]interface {}";
      case byte[] bytes -> "[]uint8";
      default -> value.getClass().getSimpleName();
    };
  }

  /** {@code value} printed as Go's {@code %v} prints it: {@code map[a:1 b:[x y]]}, {@code <nil>}, {@code 2.5}. */
  public static String format(Object value) {
    return switch (value) {
      case null -> "<nil>";
      case Map<?, ?> map -> {
        List<Object> keys = new ArrayList<>(map.keySet());
        keys.sort(GoKeyOrder.INSTANCE);
        yield keys.stream().map(key -> format(key) + ":" + format(map.get(key))).collect(Collectors.joining(" ", "map[", "]"));
      }
      case List<?> list -> list.stream().map(GoValues::format).collect(Collectors.joining(" ", "[", "]"));
      case BigDecimal decimal -> real(decimal);
      case Double real when !real.isNaN() && !real.isInfinite() -> real(new BigDecimal(Double.toString(real)));
      case Double real -> real.isNaN() ? "NaN" : real > 0 ? "+Inf" : "-Inf";
      default -> value.toString();
    };
  }

  /** Go's shortest form of a float: 2.5, 100, 1e+21. */
  private static String real(BigDecimal value) {
    BigDecimal plain = value.stripTrailingZeros();
    BigDecimal magnitude = plain.abs();
    if (magnitude.signum() == 0 || (magnitude.compareTo(BigDecimal.valueOf(1, 4)) >= 0 && magnitude.compareTo(BigDecimal.TEN.pow(21)) < 0)) {
      return plain.toPlainString();
    }
    String scientific = plain.toString().replace("E", "e");
    return scientific.contains("e") ? scientific : plain.toPlainString();
  }
}
