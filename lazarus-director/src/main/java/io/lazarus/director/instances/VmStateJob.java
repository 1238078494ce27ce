package io.lazarus.director.instances;

import io.lazarus.core.json.Json;
import io.lazarus.director.agent.AgentClient;
import io.lazarus.director.agent.AgentException;
import io.lazarus.director.deployments.Deployment;
import io.lazarus.director.deployments.DeploymentRoutes;
import io.lazarus.director.deployments.Deployments;
import io.lazarus.director.tasks.Job;
import io.lazarus.director.tasks.JobFactory;
import io.lazarus.director.tasks.Task;
import io.lazarus.director.tasks.TaskContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * Task {@code vms} ("retrieve vm-stats"), behind {@code GET /deployments/D/vms?format=full} and {@code
 * .../instances?format=full}: asks every agent for its full state at once (5 s each, as BOSH) and writes one JSON
 * line per instance to the result output in BOSH's shape (reference §8.4). An agent that does not answer shows as
 * {@code "unresponsive agent"}.
 */
public final class VmStateJob implements Job {
  public static final String TYPE = "vms";
  public static final String DESCRIPTION = "retrieve vm-stats";
  private static final Duration GET_STATE_TIMEOUT = Duration.ofSeconds(5);
  private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

  /** {@code instances}: also list instances that have no VM ({@code /instances} rather than {@code /vms}). */
  record Payload(String deployment, boolean instances) {}

  /** What the job reads. */
  public record Services(Deployments deployments, Instances instances, Vms vms, PersistentDisks disks, Function<Vm, AgentClient> agents) {}

  private final Payload payload;
  private final Services services;

  private VmStateJob(Payload payload, Services services) {
    this.payload = payload;
    this.services = services;
  }

  public static JobFactory factory(Services services) {
    return (Task task) -> new VmStateJob(Json.read(task.payload(), Payload.class), services);
  }

  static Map<String, Object> payload(String deployment, boolean instances) {
    return Map.of("deployment", deployment, "instances", instances);
  }

  @Override
  public String perform(TaskContext ctx) throws Exception {
    Deployment deployment = services.deployments().find(payload.deployment()).orElseThrow(() -> DeploymentRoutes.notFound(payload.deployment()));
    List<Future<Map<String, Object>>> lines = new ArrayList<>();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (Instance instance : services.instances().list(deployment.id())) {
        var vm = services.vms().activeFor(instance.id());
        if (vm.isPresent() || payload.instances()) {
          lines.add(pool.submit(() -> line(instance, vm.orElse(null))));
        }
      }
    }
    for (Future<Map<String, Object>> line : lines) {
      ctx.resultLine(Json.write(line.get()));
    }
    return "";
  }

  private Map<String, Object> line(Instance instance, Vm vm) throws InterruptedException {
    Map<String, Object> spec = instance.spec().map(text -> Json.mapper().readValue(text, MAP)).orElse(Map.of());
    Map<String, Object> vmType = child(spec, "vm_type");
    JsonNode state = vm == null ? null : agentState(vm);
    List<PersistentDisk> disks = services.disks().forInstance(instance.id());
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("vm_cid", vm == null ? null : vm.cid());
    line.put("active", vm != null && vm.active());
    line.put("vm_created_at", vm == null ? null : vm.createdAt().toString());
    line.put("cloud_properties", vmType.getOrDefault("cloud_properties", Map.of()));
    line.put("disk_cid", disks.stream().filter(PersistentDisk::active).map(PersistentDisk::cid).findFirst().orElse(null));
    line.put("disk_cids", disks.stream().map(PersistentDisk::cid).toList());
    line.put("ips", ips(spec));
    line.put("dns", List.of());
    line.put("agent_id", vm == null ? null : vm.agentId());
    line.put("job_name", instance.group());
    line.put("index", instance.index());
    line.put("id", instance.uuid());
    line.put("az", instance.az());
    line.put("bootstrap", instance.bootstrap());
    line.put("ignore", instance.ignored());
    line.put("job_state", vm == null ? null : state == null ? "unresponsive agent" : state.path("job_state").asString(null));
    line.put("state", instance.state());
    line.put("vm_type", vmType.get("name"));
    line.put("vitals", state == null ? null : state.get("vitals"));
    line.put("processes", state == null || !state.has("processes") ? List.of() : state.get("processes"));
    line.put("stemcell", child(spec, "stemcell"));
    return line;
  }

  private JsonNode agentState(Vm vm) throws InterruptedException {
    try {
      return services.agents().apply(vm).call("get_state", List.of("full"), GET_STATE_TIMEOUT);
    } catch (AgentException e) {
      return null;
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> child(Map<String, Object> spec, String key) {
    return spec.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
  }

  private static List<String> ips(Map<String, Object> spec) {
    List<String> ips = new ArrayList<>();
    child(spec, "networks").values().forEach(network -> {
      if (network instanceof Map<?, ?> settings && settings.get("ip") instanceof String ip) {
        ips.add(ip);
      }
    });
    return ips;
  }
}
