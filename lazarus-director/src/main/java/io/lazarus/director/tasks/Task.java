package io.lazarus.director.tasks;

/**
 * One row of the task table. Times are epoch milliseconds; {@code payload} is the JSON a {@link JobFactory} needs
 * to rebuild the job, so a queued task survives a Director restart.
 */
public record Task(
    long id,
    TaskState state,
    String type,
    String description,
    String username,
    String deploymentName,
    String contextId,
    String payload,
    String result,
    long createdAt,
    Long startedAt,
    Long finishedAt,
    Long checkpointAt) {}
