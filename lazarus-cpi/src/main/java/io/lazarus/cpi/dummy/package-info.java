/**
 * The {@code dummy} CPI: VMs that are in-process simulated agents, for tests and benchmarks of thousands of
 * instances on one machine. Each VM's agent serves BOSH's RPC over HTTPS on the VM's own IP exactly as the real
 * agent does (docs/internals/vms.md), keeps what it was told in memory, runs no jobs and installs nothing.
 * Failures are named test inputs: {@link io.lazarus.cpi.dummy.DummyCpi#failNext},
 * {@link io.lazarus.cpi.dummy.SimulatedAgent#failNext}, {@link io.lazarus.cpi.dummy.SimulatedAgent#silence},
 * {@link io.lazarus.cpi.dummy.SimulatedAgent#pause}.
 */
package io.lazarus.cpi.dummy;
