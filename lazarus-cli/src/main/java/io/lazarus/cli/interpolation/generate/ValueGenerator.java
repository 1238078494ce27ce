package io.lazarus.cli.interpolation.generate;

/** Makes a new value of one variable type. */
public interface ValueGenerator {
  /**
   * A new value made as {@code options} (the definition's interpolated {@code options}, or null) ask.
   *
   * @throws io.lazarus.cli.interpolation.template.InterpolationException when the options are invalid or a value
   *     they depend on (a certificate's CA) cannot be used
   */
  Object generate(Object options);
}
