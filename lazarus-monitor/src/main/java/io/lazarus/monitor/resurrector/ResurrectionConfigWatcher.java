package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi.NamedConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * BOSH's {@code update_rules} (§4.1): re-parses the configs only when the set of SHA-256 hashes of their contents
 * changed. Used on the plugin thread only.
 */
final class ResurrectionConfigWatcher {
  private static final Logger LOG = LoggerFactory.getLogger(ResurrectionConfigWatcher.class);

  private Set<String> hashes = Set.of();
  private ResurrectionRules rules = ResurrectionRules.NONE;

  /** The rules after taking in {@code configs}; null (nothing read) keeps the current ones. */
  ResurrectionRules update(List<NamedConfig> configs) {
    if (configs == null) {
      return rules;
    }
    Set<String> latest = configs.stream().map(config -> sha256(config.content())).collect(Collectors.toUnmodifiableSet());
    if (latest.equals(hashes)) {
      LOG.info("Resurrection config remains the same");
      return rules;
    }
    LOG.info("Resurrection config update starting...");
    rules = ResurrectionRules.parse(configs);
    hashes = latest;
    LOG.info("Resurrection config update finished");
    return rules;
  }

  private static String sha256(String content) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest((content == null ? "" : content).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
