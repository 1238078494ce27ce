package io.lazarus.cli.interpolation.template;

import io.lazarus.cli.interpolation.patch.Pointer;

/**
 * How strict an evaluation is, and what it returns ({@code bosh int}'s flags).
 *
 * @param expectAllKeys fail when a variable is not found ({@code --var-errs})
 * @param expectAllVarsUsed fail when a given variable is not used ({@code --var-errs-unused})
 * @param path return only the value at this path ({@code --path}); null for the whole document
 */
public record EvaluateOptions(boolean expectAllKeys, boolean expectAllVarsUsed, Pointer path) {
  /** What {@code deploy} and the config commands use: nothing required, the whole document. */
  public static final EvaluateOptions LENIENT = new EvaluateOptions(false, false, null);
}
