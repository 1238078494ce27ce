package io.lazarus.director.deploy;

import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.deploy.CompiledPackages.CompiledPackage;
import io.lazarus.director.deploy.ReleaseCatalog.ReleaseContent;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.releases.ReleaseRows.PackageRow;
import io.lazarus.director.tasks.EventLog;
import io.lazarus.director.tasks.TaskContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Compiles the packages of a release's jobs for one stemcell, dependencies first and independent packages in
 * parallel (as many as there are compilation workers), on compilation VMs through the agent's {@code
 * compile_package}. A package compiled before on the same stemcell against the same dependencies is reused.
 */
final class PackageCompiler {
  private final CompiledPackages cache;
  private final Function<Vm, AgentClient> agents;

  PackageCompiler(CompiledPackages cache, Function<Vm, AgentClient> agents) {
    this.cache = cache;
    this.agents = agents;
  }

  /** A package ready to install: compiled for the stemcell. */
  record Compiled(String name, String version, String sha1, String blobstoreId) {}

  /** The compiled packages the jobs need (theirs and their dependencies'), by name. */
  Map<String, Compiled> compile(ReleaseContent release, Collection<String> jobNames, VmCreator.Stemcell stemcell, String os, String stemcellVersion, CompilationVms vms, TaskContext ctx) throws Exception {
    List<PackageRow> needed = closure(release, jobNames);
    Map<String, CompletableFuture<Compiled>> futures = new HashMap<>();
    List<PackageRow> toCompile = needed.stream().filter(pkg -> cache.find(pkg.id(), os, stemcellVersion, dependencyKey(release, pkg)).isEmpty()).toList();
    EventLog.Stage stage = ctx.events().stage("Compiling packages", toCompile.size(), List.of());
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (PackageRow pkg : needed) {
        List<CompletableFuture<Compiled>> deps = pkg.dependencies().stream().map(futures::get).toList();
        CompletableFuture<Compiled> future = CompletableFuture.allOf(deps.toArray(CompletableFuture[]::new)).thenApplyAsync(ignored -> {
          Map<String, Compiled> compiledDeps = new LinkedHashMap<>();
          deps.forEach(dep -> compiledDeps.put(dep.join().name(), dep.join()));
          try {
            return compileOne(release, pkg, compiledDeps, stemcell, os, stemcellVersion, vms, stage, ctx);
          } catch (Exception e) {
            throw new CompilationFailed(e);
          }
        }, pool);
        futures.put(pkg.name(), future);
      }
      Map<String, Compiled> result = new LinkedHashMap<>();
      for (PackageRow pkg : needed) {
        result.put(pkg.name(), join(futures.get(pkg.name())));
      }
      return result;
    }
  }

  private Compiled compileOne(ReleaseContent release, PackageRow pkg, Map<String, Compiled> deps, VmCreator.Stemcell stemcell, String os, String stemcellVersion, CompilationVms vms, EventLog.Stage stage, TaskContext ctx) throws Exception {
    String key = dependencyKey(release, pkg);
    var cached = cache.find(pkg.id(), os, stemcellVersion, key);
    if (cached.isPresent()) {
      return new Compiled(pkg.name(), pkg.version(), cached.get().sha1(), cached.get().blobstoreId());
    }
    return stage.track(pkg.name() + "/" + pkg.version(), () -> vms.withVm(stemcell, vm -> {
      Map<String, Object> dependencies = new LinkedHashMap<>();
      deps.values().forEach(dep -> dependencies.put(dep.name(), Map.of("name", dep.name(), "version", dep.version(), "sha1", dep.sha1(), "blobstore_id", dep.blobstoreId())));
      JsonNode value = agents.apply(vm).run("compile_package", List.of(pkg.blobstoreId(), pkg.sha1(), pkg.name(), pkg.version(), dependencies), ctx::cancelRequested);
      JsonNode result = value.has("result") ? value.get("result") : value;
      CompiledPackage compiled = new CompiledPackage(result.path("blobstore_id").asString(), result.path("sha1").asString());
      if (compiled.blobstoreId().isEmpty() || compiled.sha1().isEmpty()) {
        throw new IllegalStateException("agent on compilation VM " + vm.cid() + " answered compile_package for '" + pkg.name() + "' without a blobstore_id and sha1: " + value);
      }
      cache.save(pkg.id(), os, stemcellVersion, key, compiled);
      return new Compiled(pkg.name(), pkg.version(), compiled.sha1(), compiled.blobstoreId());
    }));
  }

  /** The packages of the jobs and everything they depend on, dependencies before dependents. */
  private static List<PackageRow> closure(ReleaseContent release, Collection<String> jobNames) {
    List<PackageRow> ordered = new ArrayList<>();
    for (String job : jobNames) {
      for (String pkg : release.jobs().get(job).spec().packages()) {
        visit(release, pkg, ordered);
      }
    }
    return ordered;
  }

  private static void visit(ReleaseContent release, String name, List<PackageRow> ordered) {
    PackageRow pkg = release.packages().get(name);
    if (pkg == null) {
      throw new IllegalStateException("release " + release.name() + "/" + release.version() + " has no package '" + name + "'");
    }
    if (ordered.contains(pkg)) {
      return;
    }
    pkg.dependencies().forEach(dep -> visit(release, dep, ordered));
    ordered.add(pkg);
  }

  /** A digest of every dependency's name and version, transitively: a change anywhere below means a new compile. */
  private static String dependencyKey(ReleaseContent release, PackageRow pkg) {
    TreeSet<String> all = new TreeSet<>();
    collect(release, pkg, all);
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-1");
      return HexFormat.of().formatHex(digest.digest(String.join(",", all).getBytes(StandardCharsets.UTF_8)));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void collect(ReleaseContent release, PackageRow pkg, TreeSet<String> into) {
    for (String dep : pkg.dependencies()) {
      PackageRow row = release.packages().get(dep);
      if (into.add(row.name() + "/" + row.version())) {
        collect(release, row, into);
      }
    }
  }

  private static Compiled join(CompletableFuture<Compiled> future) throws Exception {
    try {
      return future.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() instanceof CompilationFailed failed ? failed.getCause() : e.getCause();
      if (cause instanceof Exception exception) {
        throw exception;
      }
      throw e;
    }
  }

  /** Carries a checked failure out of a completion stage. */
  private static final class CompilationFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CompilationFailed(Exception cause) {
      super(cause.getMessage(), cause);
    }
  }
}
