/**
 * The bosh CLI's client-side manifest interpolation for every command that sends a YAML file: its flags
 * ({@code -v}, {@code --var-file}, {@code -l}, {@code --vars-env}, {@code --vars-store}, {@code -o}) as one picocli
 * mixin, {@link io.lazarus.cli.interpolation.InterpolationFlags}, and the vars store that generates the manifest's
 * {@code variables:}. The pieces: {@code yaml} (Go-compatible YAML), {@code patch} (ops files), {@code template}
 * (variables), {@code generate} (generated values).
 */
package io.lazarus.cli.interpolation;
