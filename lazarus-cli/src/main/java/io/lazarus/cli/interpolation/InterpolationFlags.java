package io.lazarus.cli.interpolation;

import io.lazarus.cli.CliEnvironment;
import io.lazarus.cli.CommandFailure;
import io.lazarus.cli.interpolation.generate.CertificateLoader;
import io.lazarus.cli.interpolation.generate.ValueGenerators;
import io.lazarus.cli.interpolation.patch.Op;
import io.lazarus.cli.interpolation.patch.OpDefinitions;
import io.lazarus.cli.interpolation.patch.Ops;
import io.lazarus.cli.interpolation.patch.PatchException;
import io.lazarus.cli.interpolation.template.EvaluateOptions;
import io.lazarus.cli.interpolation.template.InterpolationException;
import io.lazarus.cli.interpolation.template.MultiVariables;
import io.lazarus.cli.interpolation.template.StaticVariables;
import io.lazarus.cli.interpolation.template.Template;
import io.lazarus.cli.interpolation.template.Variables;
import io.lazarus.cli.interpolation.yaml.GoValues;
import io.lazarus.cli.interpolation.yaml.GoYaml;
import io.lazarus.core.yaml.YamlException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * The bosh CLI's variable and ops-file flags, for every command that sends a YAML file to the Director. Add it to a
 * command with {@code @Mixin InterpolationFlags interpolation;} and read the file with
 * {@link #evaluate(Path, CliEnvironment, String)}.
 *
 * <p>As in the bosh CLI, the ops files are applied first, in order, then the variables are interpolated; a variable
 * is taken from {@code -v}, else {@code --var-file}, else {@code -l}, else {@code --vars-env} (the last flag of a
 * kind winning), else the {@code --vars-store}, which also generates the typed variables of the file's
 * {@code variables:} section. A variable found nowhere stays {@code ((name))} for the Director's config server.
 * Everything is read and checked before anything is sent.
 */
public final class InterpolationFlags {
  @Option(names = {"-v", "--var"}, paramLabel = "VAR=VALUE", converter = VarKv.Converter.class,
      description = "Set variable (the value is read as YAML)")
  private List<VarKv> vars = new ArrayList<>();

  @Option(names = "--var-file", paramLabel = "VAR=PATH", converter = VarFile.Converter.class,
      description = "Set variable to file contents")
  private List<VarFile> varFiles = new ArrayList<>();

  @Option(names = {"-l", "--vars-file"}, paramLabel = "PATH", description = "Load variables from a YAML file")
  private List<Path> varsFiles = new ArrayList<>();

  @Option(names = "--vars-env", paramLabel = "PREFIX",
      description = "Load variables from environment variables (e.g.: 'MY' to load MY_var=value)")
  private List<String> varsEnvs = new ArrayList<>();

  @Option(names = "--vars-store", paramLabel = "PATH", description = "Load/save variables from/to a YAML file")
  private Path varsStore;

  @Option(names = {"-o", "--ops-file"}, paramLabel = "PATH", description = "Load manifest operations from a YAML file")
  private List<Path> opsFiles = new ArrayList<>();

  /**
   * The text to send for {@code file} ({@code -} for stdin): the evaluated document, or the file's own text when the
   * flags change nothing in it (so its comments and layout, and the lines the Director's errors point at, stay).
   *
   * @param doing what a failed evaluation is reported under, as the bosh CLI does ("Evaluating manifest")
   * @throws CommandFailure when a flag's file is unusable, or the evaluation fails
   */
  public String evaluate(Path file, CliEnvironment environment, String doing) {
    Inputs inputs = inputs(environment);
    String text = InputFiles.read(file, "Reading file", environment);
    try {
      Object document = GoYaml.load(file.toString(), text);
      Object original = GoYaml.copy(document);
      Object result = Template.evaluate(document, inputs.variables(), inputs.ops(), EvaluateOptions.LENIENT);
      return GoYaml.same(original, result) ? text : GoYaml.dump(result);
    } catch (YamlException | PatchException | InterpolationException e) {
      throw new CommandFailure(doing, e);
    }
  }

  /**
   * The evaluated document of {@code file} ({@code -} for stdin) as {@code options} ask: what {@code interpolate}
   * prints. Errors are the evaluation's own, unwrapped, as {@code bosh int} reports them.
   */
  public Object interpolate(Path file, CliEnvironment environment, EvaluateOptions options) {
    Inputs inputs = inputs(environment);
    String text = InputFiles.read(file, "Reading file", environment);
    return Template.evaluate(GoYaml.load(file.toString(), text), inputs.variables(), inputs.ops(), options);
  }

  /** What the flags name, read and checked. */
  private record Inputs(Variables variables, Op ops) {}

  private Inputs inputs(CliEnvironment environment) {
    Variables given = new StaticVariables(staticValues(environment));
    Variables variables = given;
    if (varsStore != null) {
      VarsFileStore store = flag("--vars-store", () -> VarsFileStore.open(varsStore.toAbsolutePath(), environment));
      variables = new MultiVariables(List.of(given, store));
      store.generateWith(new ValueGenerators(new CertificateLoader(variables), environment.clock()));
    }
    List<Op> ops = new ArrayList<>();
    for (Path opsFile : opsFiles) {
      ops.add(flag("-o, --ops-file", () -> opsFile(opsFile, environment)));
    }
    return new Inputs(variables, new Ops(ops));
  }

  /** The flags' values in increasing precedence, so that a later source overwrites an earlier one. */
  private Map<String, Object> staticValues(CliEnvironment environment) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (String prefix : varsEnvs) {
      values.putAll(flag("--vars-env", () -> environmentValues(prefix, environment)));
    }
    for (Path file : varsFiles) {
      values.putAll(flag("-l, --vars-file", () -> varsFile(file, environment)));
    }
    for (VarFile varFile : varFiles) {
      values.put(varFile.name(), flag("--var-file", () -> InputFiles.read(varFile.path().toAbsolutePath(), "Reading variable from file", environment)));
    }
    for (VarKv var : vars) {
      values.put(var.name(), var.value());
    }
    return values;
  }

  private static Map<String, Object> environmentValues(String prefix, CliEnvironment environment) {
    if (prefix.isEmpty()) {
      throw new InterpolationException("Expected environment variable prefix to be non-empty");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, String> variable : new TreeMap<>(environment.variables()).entrySet()) {
      if (variable.getKey().startsWith(prefix + "_")) {
        try {
          values.put(variable.getKey().substring(prefix.length() + 1), GoYaml.load(variable.getKey(), variable.getValue()));
        } catch (YamlException e) {
          throw new InterpolationException("Deserializing YAML from environment variable '" + variable.getKey() + "': " + GoYaml.problem(e), e);
        }
      }
    }
    return values;
  }

  private static Map<String, Object> varsFile(Path file, CliEnvironment environment) {
    Object loaded;
    try {
      loaded = GoYaml.load(file.toString(), InputFiles.read(file, "Reading variables file", environment));
    } catch (YamlException e) {
      throw new InterpolationException("Deserializing variables file '" + file + "': " + GoYaml.problem(e), e);
    }
    Map<String, Object> values = new LinkedHashMap<>();
    if (loaded instanceof Map<?, ?> map) {
      map.forEach((name, value) -> values.put(String.valueOf(name), value));
    } else if (loaded != null) {
      throw new InterpolationException("Deserializing variables file '" + file + "': expected a map of variable names to values, found '"
          + GoValues.typeName(loaded) + "'");
    }
    return values;
  }

  private static Ops opsFile(Path file, CliEnvironment environment) {
    Object loaded;
    try {
      loaded = GoYaml.load(file.toString(), InputFiles.read(file, "Reading ops file", environment));
    } catch (YamlException e) {
      throw new InterpolationException("Deserializing ops file '" + file + "': " + GoYaml.problem(e), e);
    }
    try {
      return OpDefinitions.parse(loaded, file.toString());
    } catch (PatchException e) {
      throw InterpolationException.wrap("Building ops", e);
    }
  }

  /** Reads what one flag names; a failure names the flag, as the bosh CLI's flag parser does. */
  private static <T> T flag(String flag, Supplier<T> read) {
    try {
      return read.get();
    } catch (InterpolationException e) {
      throw new CommandFailure("Invalid argument for flag '" + flag + "'", e);
    }
  }
}
