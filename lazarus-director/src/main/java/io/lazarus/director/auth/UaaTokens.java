package io.lazarus.director.auth;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UAA mode: requests carry {@code Authorization: bearer <JWT>} issued by the configured OAuth2 server. A token
 * counts when its signature checks against the server's JWKS, its issuer matches, it has not expired, and its
 * {@code scope} claim grants {@code bosh.admin} (or {@code bosh.<director uuid>.admin}) for changes or
 * {@code bosh.read} for reads. Thread-safe; keys are fetched and cached by Nimbus.
 */
public final class UaaTokens implements Authenticator {
  private final String url;
  private final String directorUuid;
  private final DefaultJWTProcessor<SecurityContext> processor;

  public UaaTokens(String url, String issuer, String jwksUrl, String directorUuid) {
    this.url = url;
    this.directorUuid = directorUuid;
    JWKSource<SecurityContext> keys;
    try {
      keys = JWKSourceBuilder.create(toUrl(jwksUrl)).build();
    } catch (MalformedURLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("user_management.uaa.jwks_url '" + jwksUrl + "' is not a URL", e);
    }
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(new JWSVerificationKeySelector<>(Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384, JWSAlgorithm.RS512, JWSAlgorithm.ES256), keys));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("exp")));
  }

  private static URL toUrl(String text) throws MalformedURLException {
    return URI.create(text).toURL();
  }

  @Override
  public Optional<Principal> authenticate(String header) {
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return Optional.empty();
    }
    JWTClaimsSet claims;
    try {
      claims = processor.process(header.substring(7).trim(), null);
    } catch (Exception e) {
      return Optional.empty();
    }
    List<String> scopes = scopes(claims);
    boolean admin = scopes.contains("bosh.admin") || scopes.contains("bosh." + directorUuid + ".admin");
    boolean read = admin || scopes.contains("bosh.read") || scopes.contains("bosh." + directorUuid + ".read");
    if (!read) {
      return Optional.empty();
    }
    return Optional.of(new Principal(name(claims), admin));
  }

  private static String name(JWTClaimsSet claims) {
    for (String claim : List.of("user_name", "client_id", "sub")) {
      Object value = claims.getClaim(claim);
      if (value instanceof String s && !s.isBlank()) {
        return s;
      }
    }
    return "unknown";
  }

  private static List<String> scopes(JWTClaimsSet claims) {
    Object scope = claims.getClaim("scope");
    List<String> result = new ArrayList<>();
    if (scope instanceof String s) {
      result.addAll(List.of(s.split("\\s+")));
    } else if (scope instanceof Collection<?> list) {
      list.forEach(item -> result.add(String.valueOf(item)));
    }
    return result;
  }

  @Override
  public Map<String, Object> describe() {
    return Map.of("type", "uaa", "options", Map.of("url", url, "urls", List.of(url)));
  }
}
