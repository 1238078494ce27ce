/**
 * The Health Monitor (docs/internals/healing.md): a client of the Director API that rebuilds its picture of every
 * deployment from the Director and the agents' heartbeats, flags silent agents as soon as their deadline passes,
 * turns what it sees into BOSH's alerts, and hands them to plugins, the Resurrector among them.
 */
package io.lazarus.monitor;
