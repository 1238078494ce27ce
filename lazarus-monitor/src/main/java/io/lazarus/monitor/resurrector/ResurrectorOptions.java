package io.lazarus.monitor.resurrector;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlValues;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/**
 * The Resurrector's settings: the {@code options} of its entry in hm.yml (docs/internals/healing.md; BOSH's three
 * plus Lazarus' own, each on by default) and {@code directorPollInterval}, how often it reads the resurrection
 * configs, the pause switch and its tasks (hm.yml's {@code intervals.resurrection_config}).
 */
public record ResurrectorOptions(
    MeltdownThresholds meltdown,
    boolean azMeltdown,
    boolean directorWideMeltdown,
    Backoff backoff,
    FlapLimit flapLimit,
    Duration verifyTimeout,
    Duration pauseAlertAfter,
    Duration unhealthyAlertAfter,
    Duration directorPollInterval) {

  public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);

  private static final Set<String> KEYS =
      Set.of("minimum_down_jobs", "percent_threshold", "time_threshold", "az_meltdown", "director_wide_meltdown", "backoff",
          "flap_limit", "verify_timeout", "pause_alert_after", "unhealthy_alert_after");

  public static ResurrectorOptions defaults() {
    return new ResurrectorOptions(
        MeltdownThresholds.BOSH_DEFAULTS,
        true,
        true,
        new Backoff(Duration.ofSeconds(30), Duration.ofSeconds(600)),
        new FlapLimit(3, Duration.ofSeconds(1800)),
        Duration.ofSeconds(180),
        Duration.ofSeconds(3600),
        Duration.ofSeconds(1800),
        DEFAULT_POLL_INTERVAL);
  }

  public ResurrectorOptions withDirectorPollInterval(Duration interval) {
    return new ResurrectorOptions(meltdown, azMeltdown, directorWideMeltdown, backoff, flapLimit, verifyTimeout, pauseAlertAfter, unhealthyAlertAfter, interval);
  }

  /**
   * Reads {@code options} (the mapping at {@code path} of {@code doc}); absent keys keep their defaults.
   *
   * @throws io.lazarus.core.yaml.YamlException naming the file, path and line of an unknown or bad option
   */
  public static ResurrectorOptions read(YamlDocument doc, String path, Map<String, Object> options) {
    ResurrectorOptions d = defaults();
    YamlValues.onlyKeys(doc, path, options, KEYS);
    MeltdownThresholds meltdown =
        new MeltdownThresholds(
            (int) count(doc, path, options, "minimum_down_jobs", d.meltdown().minimumDownJobs(), 0),
            fraction(doc, path, options, "percent_threshold", d.meltdown().percentThreshold()),
            seconds(doc, path, options, "time_threshold", d.meltdown().timeThreshold()));
    Map<String, Object> backoffMap = YamlValues.optionalMap(doc, path, options, "backoff");
    String backoffPath = YamlValues.child(path, "backoff");
    YamlValues.onlyKeys(doc, backoffPath, backoffMap, Set.of("initial", "max"));
    Backoff backoff =
        new Backoff(seconds(doc, backoffPath, backoffMap, "initial", d.backoff().initial()), seconds(doc, backoffPath, backoffMap, "max", d.backoff().max()));
    if (backoff.max().compareTo(backoff.initial()) < 0) {
      throw doc.fail(YamlValues.child(backoffPath, "max"), "must not be less than backoff.initial (" + backoff.initial().toSeconds() + ")");
    }
    Map<String, Object> flapMap = YamlValues.optionalMap(doc, path, options, "flap_limit");
    String flapPath = YamlValues.child(path, "flap_limit");
    YamlValues.onlyKeys(doc, flapPath, flapMap, Set.of("attempts", "window"));
    FlapLimit flapLimit =
        new FlapLimit((int) count(doc, flapPath, flapMap, "attempts", d.flapLimit().attempts(), 1), seconds(doc, flapPath, flapMap, "window", d.flapLimit().window()));
    return new ResurrectorOptions(
        meltdown,
        bool(doc, path, options, "az_meltdown", d.azMeltdown()),
        bool(doc, path, options, "director_wide_meltdown", d.directorWideMeltdown()),
        backoff,
        flapLimit,
        seconds(doc, path, options, "verify_timeout", d.verifyTimeout()),
        seconds(doc, path, options, "pause_alert_after", d.pauseAlertAfter()),
        seconds(doc, path, options, "unhealthy_alert_after", d.unhealthyAlertAfter()),
        d.directorPollInterval());
  }

  private static long count(YamlDocument doc, String path, Map<String, Object> map, String key, long fallback, long minimum) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    long number = YamlValues.integer(doc, YamlValues.child(path, key), value);
    if (number < minimum || number > Integer.MAX_VALUE) {
      throw doc.fail(YamlValues.child(path, key), "must be an integer of at least " + minimum + ", got " + number);
    }
    return number;
  }

  private static Duration seconds(YamlDocument doc, String path, Map<String, Object> map, String key, Duration fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    long number = YamlValues.integer(doc, YamlValues.child(path, key), value);
    if (number <= 0) {
      throw doc.fail(YamlValues.child(path, key), "must be a positive number of seconds, got " + number);
    }
    return Duration.ofSeconds(number);
  }

  private static double fraction(YamlDocument doc, String path, Map<String, Object> map, String key, double fallback) {
    Object value = map.get(key);
    if (value == null) {
      return fallback;
    }
    if (!(value instanceof Number number) || number.doubleValue() < 0 || number.doubleValue() > 1) {
      throw doc.fail(YamlValues.child(path, key), "expected a fraction between 0 and 1, got " + (value instanceof Number ? value : YamlValues.describe(value)));
    }
    return number.doubleValue();
  }

  private static boolean bool(YamlDocument doc, String path, Map<String, Object> map, String key, boolean fallback) {
    Object value = map.get(key);
    return value == null ? fallback : YamlValues.bool(doc, YamlValues.child(path, key), value);
  }
}
