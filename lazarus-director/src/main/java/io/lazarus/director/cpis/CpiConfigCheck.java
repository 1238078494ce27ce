package io.lazarus.director.cpis;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.item;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.core.yaml.YamlException;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.configs.Config;
import io.lazarus.director.configs.ConfigCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

/**
 * Refuses a cpi config upload (POST /configs type {@code cpi}, POST /cpi_configs) unless every entry is usable:
 * the shape {@link CpiConfig#parse} checks, an external CPI's program exists and is executable on this machine, no
 * name is the Director's own CPI's (director.yml), and no name is defined by another cpi config already.
 */
public final class CpiConfigCheck implements ConfigCheck {
  private final String defaultName;
  private final Supplier<List<Config>> storedCpiConfigs;

  /**
   * @param defaultName the name of the Director's own CPI
   * @param storedCpiConfigs the current version of each stored cpi config
   */
  public CpiConfigCheck(String defaultName, Supplier<List<Config>> storedCpiConfigs) {
    this.defaultName = defaultName;
    this.storedCpiConfigs = storedCpiConfigs;
  }

  @Override
  public void check(String type, String name, String content) {
    if (!type.equals(CpiConfig.TYPE)) {
      return;
    }
    try {
      YamlDocument doc = YamlDocument.parse("cpi config '" + name + "'", content);
      List<CpiDefinition> cpis = CpiConfig.parse(doc).cpis();
      for (int i = 0; i < cpis.size(); i++) {
        check(doc, item("cpis", i), cpis.get(i), name);
      }
    } catch (YamlException e) {
      throw new DirectorException(ErrorCode.BAD_CONFIG, e.getMessage());
    }
  }

  private void check(YamlDocument doc, String path, CpiDefinition cpi, String configName) {
    String what = "cpi '" + cpi.name() + "': ";
    if (cpi.name().equals(defaultName)) {
      throw doc.fail(child(path, "name"), what + "'" + defaultName + "' is the name of the Director's own CPI (director.yml's cpi); choose another name");
    }
    for (Config other : storedCpiConfigs.get()) {
      if (!other.name().equals(configName) && CpiConfig.parse(CpiConfig.document(other)).find(cpi.name()).isPresent()) {
        throw doc.fail(child(path, "name"), what + "already defined by cpi config '" + other.name() + "'");
      }
    }
    if (cpi.execPath().isPresent()) {
      Path program = cpi.execPath().get();
      if (!Files.isRegularFile(program) || !Files.isExecutable(program)) {
        throw doc.fail(child(path, "exec_path"), what + "file " + program + " does not exist or is not executable on the Director's machine");
      }
    }
  }
}
