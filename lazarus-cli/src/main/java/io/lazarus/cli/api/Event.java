package io.lazarus.cli.api;

import java.util.Map;

/** An item of {@code GET /events}. */
public record Event(
    String id,
    String parentId,
    Long timestamp,
    String user,
    String action,
    String objectType,
    String objectName,
    String task,
    String deployment,
    String instance,
    Map<String, Object> context,
    String error) {}
