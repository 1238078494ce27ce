package io.lazarus.monitor.resurrector;

/** A decision about one instance and the sentence, with its numbers, that explains it. */
public record InstanceDecision(Decision decision, String reason) {}
