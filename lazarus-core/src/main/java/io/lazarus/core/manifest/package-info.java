/**
 * The deployment manifest, version 2 ({@code releases}, {@code stemcells}, {@code update}, {@code instance_groups},
 * and the accepted extras {@code variables}, {@code properties}, {@code tags}, {@code features}).
 * {@link io.lazarus.core.manifest.DeploymentManifest#parse} checks the document on its own: field types, names,
 * uniqueness, references between its own sections, and unknown keys (a typo fails, naming the key and the line).
 * Top-level keys starting with {@code x-} are ignored: they hold YAML anchors that instance groups merge in.
 * Checks against a cloud-config and the Director's releases and stemcells live in {@code io.lazarus.core.planning}.
 * All types are immutable.
 */
package io.lazarus.core.manifest;
