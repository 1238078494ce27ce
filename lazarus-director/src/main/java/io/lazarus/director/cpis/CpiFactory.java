package io.lazarus.director.cpis;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.cpi.external.ExternalCpi;
import io.lazarus.cpi.external.ExternalCpiConfig;
import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.director.tasks.TaskContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the CPIs of the cpi config. A named {@code local} CPI keeps its cloud in {@code <localClouds>/<name>}, apart
 * from the Director's own local cloud and from every other named one, so two local CPIs never share stemcells, VMs,
 * disks or locks (their addresses come from the Director, which never gives one address twice).
 */
public final class CpiFactory {
  private static final Logger LOG = LoggerFactory.getLogger(CpiFactory.class);
  /** How long one external CPI call may run; creating a stemcell from a large image is the slowest call. */
  public static final Duration EXTERNAL_CALL_TIMEOUT = Duration.ofMinutes(30);

  private final Path localClouds;
  private final String directorUuid;

  /**
   * @param localClouds the directory holding one directory per named local CPI
   * @param directorUuid sent to external CPIs as {@code director_uuid}
   */
  public CpiFactory(Path localClouds, String directorUuid) {
    this.localClouds = localClouds;
    this.directorUuid = directorUuid;
  }

  public Cpi create(CpiDefinition cpi) {
    return switch (cpi.type()) {
      case "dummy" -> dummy("'" + cpi.name() + "'");
      case "external" -> external(cpi.name(), cpi.execPath().orElseThrow(), cpi.properties(), directorUuid);
      case "local" -> new LocalCpi(localClouds.resolve(cpi.name()));
      default -> throw new IllegalArgumentException("unknown CPI type '" + cpi.type() + "' of cpi '" + cpi.name() + "'");
    };
  }

  /** A dummy CPI, with the warning that its VMs live only as long as the Director's process. */
  public static Cpi dummy(String label) {
    LOG.warn("CPI {}: VMs are simulated agents inside the Director's process and nothing survives a restart (tests and benchmarks only)", label);
    return new DummyCpi();
  }

  /** An external CPI whose log goes to the cpi output of the task that made the call (bosh task N --cpi), else to ours. */
  public static Cpi external(String name, Path program, Map<String, Object> properties, String directorUuid) {
    ExternalCpiConfig config = new ExternalCpiConfig(name, program, properties, directorUuid, EXTERNAL_CALL_TIMEOUT);
    return new ExternalCpi(config, text -> TaskContext.current().ifPresentOrElse(task -> task.cpiLog(text), () -> LOG.info("CPI {}: {}", config.name(), text.strip())));
  }
}
