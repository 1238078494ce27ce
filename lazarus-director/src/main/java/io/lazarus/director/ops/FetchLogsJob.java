package io.lazarus.director.ops;

import io.lazarus.core.archive.TarballWriter;
import io.lazarus.core.files.FileTrees;
import io.lazarus.core.json.Json;
import io.lazarus.director.DirectorException;
import io.lazarus.director.ErrorCode;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.blobstore.Blobstore;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.instances.Instance;
import io.lazarus.director.instances.Instances;
import io.lazarus.director.instances.Vm;
import io.lazarus.director.instances.Vms;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * Task {@code fetch_logs} ("fetch logs"), behind {@code bosh logs}: asks each instance's agent to bundle its job (or
 * agent) logs matching the filters and upload the tgz to the Director's blobstore. For one instance the task's result
 * is that blob's id; for several (a group, or every instance), as BOSH does, the bundles are packed together as
 * {@code <group>.<uuid>.<time>.tgz} entries of one tgz ("Fetching group of logs") whose id is the result. {@code GET
 * /resources/<id>} serves it.
 */
public final class FetchLogsJob implements Job {
  public static final String TYPE = "fetch_logs";
  public static final String DESCRIPTION = "fetch logs";
  private static final DateTimeFormatter ENTRY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);

  /** The task payload: the instances by Director id, the log type ({@code job} or {@code agent}), the filters. */
  record Payload(String deployment, List<Long> instanceIds, String type, List<String> filters) {}

  /** What the job uses; {@code scratch} holds the bundles while several are packed together. */
  public record Services(Deployments deployments, Instances instances, Vms vms, Blobstore blobstore, Function<Vm, AgentClient> agents, Path scratch, Clock clock) {}

  private final Payload payload;
  private final Services services;

  private FetchLogsJob(Payload payload, Services services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(Services services) {
    return (Task task) -> new FetchLogsJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, List<Long> instanceIds, String type, List<String> filters) {
    return Map.of("deployment", deployment, "instance_ids", instanceIds, "type", type, "filters", filters);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    Deployment deployment = services.deployments().find(payload.deployment()).orElseThrow(() -> DeploymentRoutes.notFound(payload.deployment()));
    List<Instance> instances = payload.instanceIds().stream()
        .map(id -> services.instances().find(id).filter(instance -> instance.deploymentId() == deployment.id())
            .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "Instance " + id + " doesn't exist in deployment '" + deployment.name() + "'")))
        .toList();
    if (instances.size() == 1) {
      return fetch(instances.getFirst(), ctx);
    }
    Path dir = Files.createTempDirectory(Files.createDirectories(services.scratch()), "logs-");
    try {
      Map<String, Path> bundles = new ConcurrentSkipListMap<>();
      AtomicReference<Exception> failure = new AtomicReference<>();
      try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
        for (Instance instance : instances) {
          pool.submit(() -> {
            try {
              Map.Entry<String, Path> bundle = download(instance, dir, ctx);
              bundles.put(bundle.getKey(), bundle.getValue());
            } catch (Exception e) {
              failure.compareAndSet(null, e);
            }
          });
        }
      }
      if (failure.get() != null) {
        throw failure.get();
      }
      return ctx.events().track("Fetching group of logs", "Packing log files together", () -> {
        Path packed = dir.resolve("logs.tgz");
        TarballWriter.write(bundles, packed);
        return services.blobstore().put(packed);
      });
    } finally {
      FileTrees.deleteRecursively(dir);
    }
  }

  /** One instance's bundle, moved out of the blobstore into {@code dir} under the name BOSH gives it in a group. */
  private Map.Entry<String, Path> download(Instance instance, Path dir, TaskContext ctx) throws Exception {
    String blobId = fetch(instance, ctx);
    String name = "./" + instance.group() + "." + instance.uuid() + "." + ENTRY_TIME.format(services.clock().instant()) + ".tgz";
    Path bundle = dir.resolve(instance.group() + "." + instance.uuid() + ".tgz");
    try {
      Files.copy(services.blobstore().path(blobId), bundle);
    } finally {
      services.blobstore().delete(blobId);
    }
    return Map.entry(name, bundle);
  }

  private String fetch(Instance instance, TaskContext ctx) throws Exception {
    Vm vm = services.vms().activeFor(instance.id())
        .orElseThrow(() -> new DirectorException(ErrorCode.INSTANCE_NOT_FOUND, "'" + instance.name() + " (" + instance.index() + ")' doesn't reference a VM"));
    return ctx.events().track("Fetching logs for " + instance.name() + " (" + instance.index() + ")", "Finding and packing log files", () -> {
      JsonNode bundle = services.agents().apply(vm).run("fetch_logs", List.of(payload.type(), payload.filters()), ctx::cancelRequested);
      String blobId = bundle == null ? "" : bundle.path("blobstore_id").asString("");
      if (blobId.isEmpty() || !blobId.matches("[0-9a-f-]{36}") || !services.blobstore().exists(blobId)) {
        throw new IllegalStateException("agent of " + instance.name() + " answered fetch_logs with " + bundle + ", which names no blob in the Director's blobstore");
      }
      return blobId;
    });
  }
}
