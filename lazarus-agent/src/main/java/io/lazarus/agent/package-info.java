/** The Lazarus agent: one per VM. {@link io.lazarus.agent.AgentMain} starts an {@link io.lazarus.agent.Agent}, which wires settings, the RPC transport, the method handlers, heartbeats and the job supervisor (found through {@link io.lazarus.agent.JobSupervisorFactory}). */
package io.lazarus.agent;
