/**
 * BOSH's external CPI protocol, both sides: {@link io.lazarus.cpi.external.ExternalCpi} runs a CPI executable per
 * call; {@link io.lazarus.cpi.external.CpiRequestHandler} serves one request with any CPI, and
 * {@link io.lazarus.cpi.external.LocalCpiMain} makes the local CPI such an executable.
 */
package io.lazarus.cpi.external;
