/** The events the Health Monitor passes to its plugins: BOSH's alert and heartbeat shapes (§2.4–§2.6). */
package io.lazarus.monitor.events;
