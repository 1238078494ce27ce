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

  /** Whether the Director takes UAA tokens (else Basic credentials of local users). */
  public boolean usesUaa() {
    return userAuthentication != null && "uaa".equals(userAuthentication.type());
  }

  /** @param options for UAA, {@code url} is where tokens come from */
  public record UserAuthentication(String type, Options options) {}

  public record Options(String url) {}

  public record Feature(Boolean status) {}
}
