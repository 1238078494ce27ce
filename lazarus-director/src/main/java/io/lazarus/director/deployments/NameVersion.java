package io.lazarus.director.deployments;

/** A release or stemcell as a deployment names it: {@code {"name": .., "version": ..}} on the wire. */
public record NameVersion(String name, String version) {}
