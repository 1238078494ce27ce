/**
 * Planning: checks a {@link io.lazarus.core.manifest.DeploymentManifest} against a
 * {@link io.lazarus.core.cloudconfig.CloudConfig} and what the Director holds (releases with their job specs,
 * stemcells, addresses already in use), and returns a decision value: either a {@link
 * io.lazarus.core.planning.DeploymentPlan} (every instance with its az, addresses, properties and links) or every
 * problem found, each naming the file, path and line. Planning has no side effects, so the same inputs always give
 * the same plan. Entry point: {@link io.lazarus.core.planning.DeploymentPlanner#plan}.
 */
package io.lazarus.core.planning;
