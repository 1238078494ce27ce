package io.lazarus.cli.api;

import java.util.Map;

/** {@code GET /info}. */
public record Info(
    String name,
    String uuid,
    String version,
    String user,
    String cpi,
    String stemcellOs,
    String stemcellVersion,
    UserAuthentication userAuthentication,
    Map<String, Feature> features) {

  public record UserAuthentication(String type) {}

  public record Feature(Boolean status) {}
}
