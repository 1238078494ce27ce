package io.lazarus.cli.api;

/** {@code GET /deployments/:name}. */
public record DeploymentManifest(String manifest) {}
