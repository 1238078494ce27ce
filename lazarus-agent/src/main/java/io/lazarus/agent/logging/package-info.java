/** The agent's own small SLF4J binding: one line per event to bosh/log/current. */
package io.lazarus.agent.logging;
