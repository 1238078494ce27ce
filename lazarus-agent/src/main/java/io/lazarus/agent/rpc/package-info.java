/** Envelopes to replies: the method registry, BOSH's sync/async semantics and the agent tasks behind get_task and cancel_task. */
package io.lazarus.agent.rpc;
