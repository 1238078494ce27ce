/** Heartbeats with vitals from /proc and the file systems, sent on a schedule, and alerts from the supervisor's process events. */
package io.lazarus.agent.heartbeat;
