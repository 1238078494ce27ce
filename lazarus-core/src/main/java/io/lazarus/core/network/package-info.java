/**
 * IPv4 addresses, CIDR ranges, {@code a - b} ranges and the deterministic allocation of dynamic addresses in a
 * manual network's subnet. All types are immutable values; parsing fails with {@link IllegalArgumentException}
 * whose message quotes the offending text, so callers can prefix it with the YAML path it came from.
 */
package io.lazarus.core.network;
