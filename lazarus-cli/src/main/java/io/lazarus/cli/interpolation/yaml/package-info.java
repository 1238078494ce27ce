/**
 * YAML as the bosh CLI's Go YAML library (gopkg.in/yaml.v2) reads and writes it, for manifests that are
 * interpolated: plain trees of maps, lists and scalars; timestamps and base-60 numbers stay text; written back with
 * keys in Go's order, multi-line strings as literal blocks, never an anchor.
 */
package io.lazarus.cli.interpolation.yaml;
