package io.lazarus.director.templates;

import java.util.List;

/**
 * One network of an instance, as templates see it in {@code spec.networks.<name>}. {@code defaults} is BOSH's
 * {@code default} list: what this network is the default for ({@code dns}, {@code gateway}); empty if nothing.
 */
public record NetworkSpec(String ip, String netmask, String gateway, List<String> defaults) {
  public NetworkSpec {
    defaults = defaults == null ? List.of() : List.copyOf(defaults);
  }
}
