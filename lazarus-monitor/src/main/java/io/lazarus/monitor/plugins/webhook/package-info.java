/** The webhook plugin: alerts as JSON to an HTTP(S) receiver, with retries. */
package io.lazarus.monitor.plugins.webhook;
