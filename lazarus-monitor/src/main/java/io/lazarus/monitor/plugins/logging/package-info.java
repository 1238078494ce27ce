/** BOSH's logger and event_logger plugins. */
package io.lazarus.monitor.plugins.logging;
