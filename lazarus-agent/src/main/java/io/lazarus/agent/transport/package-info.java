/** Transport-neutral contracts: {@link io.lazarus.agent.transport.RpcServer} receives request envelopes, {@link io.lazarus.agent.transport.HeartbeatSender} publishes heartbeats, alerts and shutdown. HTTPS lives in {@code transport.https}; NATS can be a second implementation. */
package io.lazarus.agent.transport;
