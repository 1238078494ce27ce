/** The Health Monitor's own metrics, served as Prometheus text on {@code GET /metrics}. */
package io.lazarus.monitor.metrics;
