/**
 * The cloud-config as BOSH defines it: {@code azs}, {@code vm_types}, {@code vm_extensions}, {@code disk_types},
 * {@code networks} (manual, dynamic, vip) and {@code compilation}. {@link io.lazarus.core.cloudconfig.CloudConfig#parse}
 * checks the document on its own (unique names, addresses inside their subnet, references between sections) and
 * fails on the first problem with a {@link io.lazarus.core.yaml.YamlException} naming the file, path and line.
 * Top-level keys starting with {@code x-} are ignored: they hold YAML anchors that other sections merge in.
 * Checks that need a manifest as well live in {@code io.lazarus.core.planning}. All types are immutable.
 */
package io.lazarus.core.cloudconfig;
