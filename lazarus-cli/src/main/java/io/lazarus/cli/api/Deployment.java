package io.lazarus.cli.api;

import java.util.List;

/** An item of {@code GET /deployments}. */
public record Deployment(String name, List<NameVersion> releases, List<NameVersion> stemcells, List<String> teams) {}
