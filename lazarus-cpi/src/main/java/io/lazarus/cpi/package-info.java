/**
 * The CPI contract (BOSH's cloud provider interface, API v2) and its typed arguments, results and errors. The
 * Director depends on this package only; {@code external} reaches CPIs over BOSH's external protocol, and
 * {@code local} is the built-in local cloud.
 */
package io.lazarus.cpi;
