package io.lazarus.monitor.plugins;

import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.fleet.Fleet;
import java.time.Clock;
import java.time.Duration;

/** What a plugin may use: the HM's picture, the Director, a way to raise alerts, the clock and the agent timeout. */
public record PluginContext(Fleet fleet, DirectorApi director, AlertSink alerts, Clock clock, Duration agentTimeout) {}
