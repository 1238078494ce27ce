package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.compile.PackageCompiler;
import io.lazarus.agent.install.PackageRef;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** compile_package [blobstore_id, sha1, name, version, {dep: {name, version, sha1, blobstore_id}}]. */
public final class CompileMethods {
  private final PackageCompiler compiler;

  public CompileMethods(PackageCompiler compiler) {
    this.compiler = compiler;
  }

  public void register(MethodRegistry registry) {
    registry.async("compile_package", this::compile);
  }

  private Object compile(Arguments args) throws Exception {
    PackageRef source = new PackageRef(
        args.requiredString(2, "name"), scalar(args, 3, "version"), args.requiredString(1, "sha1"), args.requiredString(0, "blobstore_id"));
    List<PackageRef> dependencies = new ArrayList<>();
    JsonNode deps = args.node(4);
    if (deps.isObject()) {
      for (Map.Entry<String, JsonNode> dep : deps.properties()) {
        dependencies.add(PackageRef.from(dep.getKey(), dep.getValue(), "compile_package dependencies"));
      }
    } else if (!deps.isMissingNode() && !deps.isNull()) {
      throw args.invalid(4, "dependencies", "must be an object of package name to {name, version, sha1, blobstore_id}");
    }
    PackageCompiler.Compiled compiled = compiler.compile(source, dependencies);
    return Map.of("result", Map.of("blobstore_id", compiled.blobstoreId(), "sha1", compiled.sha1()));
  }

  private static String scalar(Arguments args, int index, String name) {
    JsonNode value = args.node(index);
    if (value.isNumber()) {
      return value.asString();
    }
    return args.requiredString(index, name);
  }
}
