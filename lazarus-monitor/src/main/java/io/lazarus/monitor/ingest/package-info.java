/** How agents' heartbeats, alerts and shutdown notices reach the Health Monitor, and what it does with them. */
package io.lazarus.monitor.ingest;
