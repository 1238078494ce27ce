package io.lazarus.director.events;

import java.util.Map;

/** One recorded change (BOSH's events table). {@code createdAt} is epoch milliseconds. */
public record Event(
    long id,
    Long parentId,
    long createdAt,
    String user,
    String action,
    String objectType,
    String objectName,
    String task,
    String deployment,
    String instance,
    Map<String, Object> context,
    String error) {}
