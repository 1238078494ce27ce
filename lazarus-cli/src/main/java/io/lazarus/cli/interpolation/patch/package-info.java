/**
 * Operations files as the bosh CLI applies them (its go-patch library, v0.2.0): {@code replace}, {@code remove} and
 * {@code test} operations on paths such as {@code /instance_groups/name=web/jobs/-}, with the library's semantics
 * and error messages, so that an ops file written for bosh behaves and fails the same here.
 */
package io.lazarus.cli.interpolation.patch;
