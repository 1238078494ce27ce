package io.lazarus.core.planning;

/** A manifest stemcell alias bound to an uploaded stemcell ({@code latest} resolved). */
public record ResolvedStemcell(String alias, String name, String operatingSystem, String version) {}
