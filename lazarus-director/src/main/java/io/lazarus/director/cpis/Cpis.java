package io.lazarus.director.cpis;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.director.configs.Config;
import io.lazarus.director.instances.OrphanDisks.OrphanDisk;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every CPI the Director may call, by name, as BOSH's cloud factory resolves them: the Director's own CPI
 * (director.yml's {@code cpi}) under its {@link Cpi#name()}, and the CPIs of the cpi config under their names. The
 * empty name, which disks recorded before CPIs had names carry, is the Director's own CPI; so is a name that both
 * director.yml and the cpi config use (uploads refuse that name, so only a later change of director.yml causes it).
 *
 * <p>The cpi config is read afresh on every lookup of a name that is not the Director's own (a cheap query; it is
 * parsed again only when it changed), so an update takes effect with the next call. A CPI of the cpi config is built
 * once per definition and kept until {@link #close()}: the {@code dummy} CPI's VMs live in it.
 *
 * <p>Thread-safe. IMPORTANT: must be closed; closing closes every CPI it built and the Director's own.
 */
public final class Cpis implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Cpis.class);

  private final Cpi defaultCpi;
  private final Supplier<List<Config>> storedCpiConfigs;
  private final Function<CpiDefinition, Cpi> factory;
  private final Map<CpiDefinition, Cpi> built = new ConcurrentHashMap<>();
  private volatile Parsed parsed = new Parsed(List.of(), CpiConfig.NONE);

  private record Parsed(List<Long> ids, CpiConfig config) {}

  /**
   * @param defaultCpi the Director's own CPI (director.yml)
   * @param storedCpiConfigs the current version of each stored cpi config
   * @param factory builds a CPI of the cpi config
   */
  public Cpis(Cpi defaultCpi, Supplier<List<Config>> storedCpiConfigs, Function<CpiDefinition, Cpi> factory) {
    this.defaultCpi = defaultCpi;
    this.storedCpiConfigs = storedCpiConfigs;
    this.factory = factory;
  }

  /** The Director's own CPI: where VMs go when their AZ names no CPI, or when there is no cpi config. */
  public Cpi defaultCpi() {
    return defaultCpi;
  }

  public String defaultName() {
    return defaultCpi.name();
  }

  /** The name a record should carry for {@code name}: the empty (legacy) name is the Director's own CPI's. */
  public String canonical(String name) {
    return name == null || name.isEmpty() ? defaultName() : name;
  }

  /** The current version of each stored cpi config. */
  public List<Config> storedConfigs() {
    return storedCpiConfigs.get();
  }

  /** The cpi config as stored now. */
  public CpiConfig config() {
    List<Config> stored = storedConfigs();
    List<Long> ids = stored.stream().map(Config::id).toList();
    Parsed current = parsed;
    if (!current.ids().equals(ids)) {
      current = new Parsed(ids, CpiConfig.merge(stored));
      parsed = current;
    }
    return current.config();
  }

  /** Every CPI's name: the Director's own first, then the cpi config's. */
  public List<String> names() {
    List<String> names = new ArrayList<>();
    names.add(defaultName());
    config().names().stream().filter(name -> !name.equals(defaultName())).forEach(names::add);
    return names;
  }

  /** Whether {@code name} is a CPI the Director can call now. */
  public boolean isKnown(String name) {
    String canonical = canonical(name);
    return canonical.equals(defaultName()) || config().find(canonical).isPresent();
  }

  /** The CPI called {@code name}; a {@code CloudError} names it when neither director.yml nor the cpi config has it. */
  public Cpi named(String name) throws CpiException {
    String canonical = canonical(name);
    if (canonical.equals(defaultName())) {
      return defaultCpi;
    }
    CpiConfig config = config();
    CpiDefinition definition = config.find(canonical).orElseThrow(() -> CpiErrors.cloudError("CPI '" + canonical + "' is not configured (" + known(config) + ")"));
    return built.computeIfAbsent(definition, factory);
  }

  /** The CPI that made {@code vm}, which every call about it must go to. */
  public Cpi forVm(Vm vm) throws CpiException {
    try {
      return named(vm.cpi());
    } catch (CpiException e) {
      throw CpiErrors.cloudError("VM " + (vm.cid() != null ? "'" + vm.cid() + "'" : "of agent '" + vm.agentId() + "'") + " was made by CPI '" + vm.cpi() + "', which is no longer configured (" + known(config()) + ")");
    }
  }

  /** The CPI that made {@code disk}, which every call about it must go to. */
  public Cpi forDisk(PersistentDisk disk) throws CpiException {
    return forDisk(disk.cid(), disk.cpi());
  }

  /** The CPI that made the orphaned {@code disk}, which deletes it. */
  public Cpi forDisk(OrphanDisk disk) throws CpiException {
    return forDisk(disk.cid(), disk.cpi());
  }

  private Cpi forDisk(String cid, String cpi) throws CpiException {
    try {
      return named(cpi);
    } catch (CpiException e) {
      throw CpiErrors.cloudError("Disk '" + cid + "' was made by CPI '" + cpi + "', which is no longer configured (" + known(config()) + ")");
    }
  }

  private String known(CpiConfig config) {
    return "the Director's own CPI is '" + defaultName() + "', " + (config.cpis().isEmpty() ? "there is no cpi config" : "the cpi config has " + String.join(", ", config.names()));
  }

  @Override
  public void close() {
    List<Cpi> all = new ArrayList<>(built.values());
    all.add(defaultCpi);
    built.clear();
    for (Cpi cpi : all) {
      if (cpi instanceof AutoCloseable closeable) {
        try {
          closeable.close();
        } catch (Exception e) {
          LOG.warn("closing CPI '{}' failed: {}", cpi.name(), e.toString());
        }
      }
    }
  }
}
