package io.lazarus.director.templates;

/** One instance behind a consumed link, as templates see it in {@code link('db').instances}. {@code az} may be null. */
public record LinkInstance(String name, String id, int index, String az, String address, boolean bootstrap) {}
