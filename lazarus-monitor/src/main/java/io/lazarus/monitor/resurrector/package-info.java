/**
 * The Resurrector plugin (docs/internals/healing.md): BOSH's meltdown math and resurrection config rules, plus
 * Lazarus' per-AZ and director-wide meltdown, per-instance backoff and flap limit, verification after a recreate,
 * alerts on long pauses and long-unhealthy instances, and an explanation of every decision.
 *
 * <p>{@link io.lazarus.monitor.resurrector.Resurrector} runs on its plugin thread and publishes its whole state
 * as one immutable {@link io.lazarus.monitor.resurrector.ResurrectorState}, which the HTTP thread reads to explain.
 */
package io.lazarus.monitor.resurrector;
