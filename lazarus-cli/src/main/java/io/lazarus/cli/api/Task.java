package io.lazarus.cli.api;

/** A Director task; {@code timestamp} is the finish time (epoch seconds), null while running. */
public record Task(
    long id,
    String state,
    String description,
    Long timestamp,
    Long startedAt,
    String result,
    String user,
    String deployment,
    String contextId) {}
