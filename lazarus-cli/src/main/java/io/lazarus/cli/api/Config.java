package io.lazarus.cli.api;

/**
 * A config version of {@code GET /configs} or {@code GET /configs/:id}. {@code createdAt} is kept as the Director
 * sent it (a time string or epoch seconds).
 */
public record Config(
    String id, String type, String name, String team, Object createdAt, String content, Boolean current) {}
