package io.lazarus.cli.interpolation.yaml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The order in which Go's YAML library writes map keys: numbers and booleans by value first, then other kinds, then
 * strings in a "natural" order where a run of digits compares as a number ({@code z2} before {@code z10}) and a
 * non-letter sorts before a letter ({@code a_b} before {@code ab}).
 */
final class GoKeyOrder implements Comparator<Object> {
  static final GoKeyOrder INSTANCE = new GoKeyOrder();

  // Go's reflect.Kind values, which the library compares when the keys are of different kinds.
  private static final int BOOL = 1;
  private static final int INT = 2;
  private static final int UINT64 = 11;
  private static final int FLOAT64 = 14;
  private static final int INTERFACE = 20;
  private static final int MAP = 21;
  private static final int SLICE = 23;
  private static final int STRING = 24;

  private GoKeyOrder() {}

  @Override
  public int compare(Object a, Object b) {
    return less(a, b) ? -1 : less(b, a) ? 1 : 0;
  }

  private static boolean less(Object a, Object b) {
    BigDecimal af = numeric(a);
    BigDecimal bf = numeric(b);
    int ak = kind(a);
    int bk = kind(b);
    if (af != null && bf != null) {
      int byValue = af.compareTo(bf);
      return byValue != 0 ? byValue < 0 : ak < bk;
    }
    if (ak != STRING || bk != STRING) {
      return ak < bk;
    }
    return lessText(((String) a).codePoints().toArray(), ((String) b).codePoints().toArray());
  }

  private static boolean lessText(int[] a, int[] b) {
    for (int i = 0; i < a.length && i < b.length; i++) {
      if (a[i] == b[i]) {
        continue;
      }
      boolean aLetter = Character.isLetter(a[i]);
      boolean bLetter = Character.isLetter(b[i]);
      if (aLetter && bLetter) {
        return a[i] < b[i];
      }
      if (aLetter || bLetter) {
        return bLetter;
      }
      long an = 0;
      long bn = 0;
      if (a[i] == '0' || b[i] == '0') {
        // a zero inside a number ("10" vs "1a"): the digits before it belong to the same number
        for (int j = i - 1; j >= 0 && Character.isDigit(a[j]); j--) {
          if (a[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      while (ai < a.length && Character.isDigit(a[ai])) {
        an = an * 10 + (a[ai++] - '0');
      }
      int bi = i;
      while (bi < b.length && Character.isDigit(b[bi])) {
        bn = bn * 10 + (b[bi++] - '0');
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return a[i] < b[i];
    }
    return a.length < b.length;
  }

  private static BigDecimal numeric(Object key) {
    return switch (key) {
      case Boolean bool -> bool ? BigDecimal.ONE : BigDecimal.ZERO;
      case BigDecimal decimal -> decimal;
      case BigInteger integer -> new BigDecimal(integer);
      case Integer integer -> BigDecimal.valueOf(integer);
      case Long integer -> BigDecimal.valueOf(integer);
      case Double real when !real.isNaN() && !real.isInfinite() -> BigDecimal.valueOf(real);
      case null, default -> null;
    };
  }

  private static int kind(Object key) {
    return switch (key) {
      case null -> INTERFACE;
      case Boolean bool -> BOOL;
      case Integer integer -> INT;
      case Long integer -> INT;
      case BigInteger integer -> UINT64;
      case BigDecimal decimal -> FLOAT64;
      case Double real -> FLOAT64;
      case String text -> STRING;
      case Map<?, ?> map -> MAP;
      case List<?> list -> SLICE;
      default -> INTERFACE;
    };
  }
}
