package io.lazarus.core.planning;

/** A stemcell uploaded to the Director. */
public record AvailableStemcell(String name, String operatingSystem, String version) {}
