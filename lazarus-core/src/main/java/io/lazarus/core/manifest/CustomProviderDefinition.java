package io.lazarus.core.manifest;

import java.util.List;

/** A link provider the manifest adds to a job whose spec does not declare it, e.g. to give it a DNS alias. */
public record CustomProviderDefinition(String name, String type, List<String> properties) {}
