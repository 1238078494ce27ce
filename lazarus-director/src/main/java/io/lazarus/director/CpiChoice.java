package io.lazarus.director;

import static io.lazarus.core.yaml.YamlValues.child;
import static io.lazarus.core.yaml.YamlValues.map;
import static io.lazarus.core.yaml.YamlValues.onlyKeys;
import static io.lazarus.core.yaml.YamlValues.optionalString;
import static io.lazarus.core.yaml.YamlValues.requiredString;

import io.lazarus.core.yaml.YamlDocument;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.director.cpis.CpiFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code cpi:} key of {@code director.yml}: the Director's own CPI, where VMs live unless the cpi config and
 * cloud-config's {@code azs[].cpi} send them elsewhere ({@link io.lazarus.director.cpis.Cpis}).
 *
 * <pre>
 * cpi: {type: local}            # default: the local cloud in the store
 * cpi: {type: dummy}            # in-process simulated agents, for tests and benchmarks of thousands of VMs
 * cpi: {type: external, executable: /path/to/cpi, name: warden_cpi, properties: {...}}   # BOSH's external CPI protocol
 * </pre>
 *
 * @param type {@code local}, {@code dummy} or {@code external}
 * @param executable the external CPI's program (external only)
 * @param name the external CPI's name as {@code GET /info} shows it (default: the program's file name)
 * @param properties sent in every external CPI request's {@code context}
 */
public record CpiChoice(String type, Optional<Path> executable, Optional<String> name, Map<String, Object> properties) {

  public static final CpiChoice LOCAL = new CpiChoice("local", Optional.empty(), Optional.empty(), Map.of());

  /** Reads {@code cpi} from the config's root (absent: local), resolving the executable against {@code baseDir}. */
  static CpiChoice parse(YamlDocument doc, Object value, Path baseDir) {
    if (value == null) {
      return LOCAL;
    }
    Map<String, Object> cpi = map(doc, "cpi", value);
    String type = requiredString(doc, "cpi", cpi, "type");
    switch (type) {
      case "local", "dummy" -> {
        onlyKeys(doc, "cpi", cpi, Set.of("type"));
        return new CpiChoice(type, Optional.empty(), Optional.empty(), Map.of());
      }
      case "external" -> {
        onlyKeys(doc, "cpi", cpi, Set.of("type", "executable", "name", "properties"));
        Path executable = baseDir.resolve(requiredString(doc, "cpi", cpi, "executable")).normalize();
        if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
          throw doc.fail(child("cpi", "executable"), "file " + executable + " does not exist or is not executable");
        }
        Optional<String> name = optionalString(doc, "cpi", cpi, "name");
        Map<String, Object> properties = cpi.get("properties") == null ? Map.of() : map(doc, child("cpi", "properties"), cpi.get("properties"));
        return new CpiChoice(type, Optional.of(executable), name, properties);
      }
      default -> throw doc.fail(child("cpi", "type"), "must be 'local', 'dummy' or 'external', got '" + type + "'");
    }
  }

  /** Builds the chosen CPI; {@code localCloud} is where the local cloud keeps its VMs. */
  Cpi create(Path localCloud, String directorUuid) {
    return switch (type) {
      case "dummy" -> CpiFactory.dummy("'dummy'");
      case "external" -> {
        Path program = executable.orElseThrow();
        yield CpiFactory.external(name.orElse(program.getFileName().toString()), program, properties, directorUuid);
      }
      default -> new LocalCpi(localCloud);
    };
  }
}
