package io.lazarus.cli.api;

import java.util.List;

/** An item of {@code GET /locks}; {@code timeout} is {@code "<epoch>.<usec>"}. */
public record Lock(String type, List<String> resource, String timeout, String taskId) {}
