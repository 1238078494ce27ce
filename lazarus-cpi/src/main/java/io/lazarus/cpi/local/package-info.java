/**
 * The local cloud: this machine as an IaaS (docs/internals/vms.md). {@link io.lazarus.cpi.local.LocalCpi} is its
 * CPI, {@link io.lazarus.cpi.local.LocalCloud} its console. The {@code vm} package holds its records, layout, locks
 * and VM processes; {@code process} reads {@code /proc} and sends signals.
 */
package io.lazarus.cpi.local;
