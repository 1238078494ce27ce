package io.lazarus.core.planning;

/** A manifest release with {@code latest} replaced by the newest uploaded version. */
public record ResolvedRelease(String name, String version) {}
