package io.lazarus.cli.api;

/** A reference by name, e.g. a deployment using a stemcell. */
public record Named(String name) {}
