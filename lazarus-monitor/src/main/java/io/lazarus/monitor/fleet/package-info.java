/** What the Health Monitor knows of the agents it watches, as read-only snapshots for plugins and the API. */
package io.lazarus.monitor.fleet;
