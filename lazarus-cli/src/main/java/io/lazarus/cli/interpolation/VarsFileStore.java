package io.lazarus.cli.interpolation;

import io.lazarus.cli.CliEnvironment;
import io.lazarus.cli.interpolation.generate.ValueGenerators;
import io.lazarus.cli.interpolation.template.InterpolationException;
import io.lazarus.cli.interpolation.template.VariableDefinition;
import io.lazarus.cli.interpolation.template.Variables;
import io.lazarus.cli.interpolation.yaml.GoValues;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.yaml.YamlException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code --vars-store} file: variables read from a YAML map, and the typed variables of the manifest's
 * {@code variables:} section that it lacks generated into it, so the next run finds the same values. The file is
 * created on the first generated value, rewritten atomically after each, readable by its owner only (it holds
 * passwords and private keys).
 *
 * <p>One thread at a time.
 */
public final class VarsFileStore implements Variables {
  private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

  private final Path path;
  private final Map<String, Object> values;
  private ValueGenerators generators;

  private VarsFileStore(Path path, Map<String, Object> values) {
    this.path = path;
    this.values = values;
  }

  /**
   * The store at {@code path}, empty when the file does not exist yet.
   *
   * @throws InterpolationException when the file cannot be read or is not a YAML map
   */
  public static VarsFileStore open(Path path, CliEnvironment environment) {
    Map<String, Object> values = new LinkedHashMap<>();
    if (Files.exists(path)) {
      Object loaded;
      try {
        loaded = GoYaml.load(path.toString(), InputFiles.read(path, "Reading variables file store", environment));
      } catch (YamlException e) {
        throw new InterpolationException("Deserializing variables file store '" + path + "': " + GoYaml.problem(e), e);
      }
      if (loaded instanceof Map<?, ?> map) {
        map.forEach((name, value) -> values.put(String.valueOf(name), value));
      } else if (loaded != null) {
        throw new InterpolationException("Deserializing variables file store '" + path + "': expected a map of variable names to values, found '"
            + GoValues.typeName(loaded) + "'");
      }
    }
    return new VarsFileStore(path, values);
  }

  /**
   * Sets how missing typed variables are generated. Separate from {@link #open} because a certificate's CA is looked
   * up among all variable sources, this store included.
   */
  public void generateWith(ValueGenerators generators) {
    this.generators = generators;
  }

  @Override
  public Optional<Found> get(VariableDefinition definition) {
    if (values.containsKey(definition.name())) {
      return Optional.of(new Found(values.get(definition.name())));
    }
    if (!definition.typed()) {
      return Optional.empty();
    }
    Object value;
    try {
      value = generators.forType(definition.type()).generate(definition.options());
    } catch (InterpolationException e) {
      throw InterpolationException.wrap("Generating variable '" + definition.name() + "'", e);
    }
    values.put(definition.name(), value);
    save();
    return Optional.of(new Found(value));
  }

  @Override
  public List<String> names() {
    return List.copyOf(values.keySet());
  }

  private void save() {
    try {
      FileTrees.writeAtomically(path, GoYaml.dump(values).getBytes(StandardCharsets.UTF_8), OWNER_ONLY);
    } catch (IOException e) {
      throw new InterpolationException("Writing variables to file store '" + path + "': " + e.getMessage(), e);
    }
  }
}
