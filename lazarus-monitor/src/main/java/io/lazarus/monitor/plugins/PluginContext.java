package io.lazarus.monitor.plugins;

import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.fleet.Fleet;
import java.time.Clock;
import java.time.Duration;

/**
 * What a plugin may use: the HM's picture, the Director, a way to raise alerts, the clock, the agent timeout, and how
 * often a plugin may read the Director's settings ({@code intervals.resurrection_config}).
 */
public record PluginContext(Fleet fleet, DirectorApi director, AlertSink alerts, Clock clock, Duration agentTimeout, Duration directorPollInterval) {}
