package io.lazarus.cpi.dummy;

import io.lazarus.core.json.Json;
import java.io.IOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The agent of one dummy VM: answers BOSH's agent protocol (reference §6.3) as the real agent does, from memory.
 * {@code apply} keeps the spec, {@code start}/{@code stop} flip the simulated jobs, disks are cids in lists,
 * {@code compile_package} and {@code fetch_logs} upload a small tarball to the Director's blobstore, {@code
 * tail_logs} serves a {@link SimulatedJobLog} of the starts and stops, scripts and drain do nothing. Async methods are
 * agent tasks polled with {@code get_task}. Thread-safe.
 */
public final class SimulatedAgent {
  /** The CPI-wide means an agent works with: the executor its tasks run on, and a blobstore client per CA. */
  record Runtime(ExecutorService executor, Function<String, HttpClient> blobClients) {}

  private final String agentId;
  private final String vmCid;
  private final Map<String, Object> settings;
  private final Runtime runtime;
  private final AgentTasks tasks;
  private final MbusServer mbus;
  private final Map<String, String> failures = new ConcurrentHashMap<>();
  private final Map<String, Object> persistentDisks = new LinkedHashMap<>();
  private final List<String> mountedDisks = new ArrayList<>();
  private final SimulatedJobLog jobLog;
  private ObjectNode spec = Json.mapper().createObjectNode();
  private boolean jobsRunning;

  SimulatedAgent(String agentId, String vmCid, Map<String, Object> settings, MbusServer mbus, Runtime runtime) {
    this.agentId = agentId;
    this.vmCid = vmCid;
    this.settings = settings;
    this.runtime = runtime;
    this.tasks = new AgentTasks(runtime.executor());
    this.mbus = mbus;
    this.jobLog = new SimulatedJobLog(vmCid);
  }

  public String agentId() {
    return agentId;
  }

  /** The settings the CPI composed for this VM, as the real agent would read them from settings.json. */
  public Map<String, Object> settings() {
    return settings;
  }

  /** Makes the next call of {@code method} fail with {@code message} (an async method fails as its task). */
  public void failNext(String method, String message) {
    failures.put(method, message);
  }

  /** Stops answering (connections are refused), as a VM whose agent crashed: the VM itself stays. */
  public void silence() {
    mbus.stop();
  }

  /** Answers again after {@link #silence()}, with what it knew before, as an agent restarted on the same VM. */
  public void answerAgain() throws IOException {
    mbus.start(this::handle);
  }

  /**
   * Hangs: requests are accepted and held unanswered until {@link #resume()}, so callers wait out their timeouts, as
   * with an agent whose VM is frozen or cut off (unlike {@link #silence()}, whose refused connections fail at once).
   */
  public void pause() {
    mbus.pause();
  }

  /** Answers the held requests and new ones again after {@link #pause()}. */
  public void resume() {
    mbus.resume();
  }

  public boolean answering() {
    return mbus.listening();
  }

  /** The applied spec (empty before the first apply). */
  public synchronized JsonNode spec() {
    return spec.deepCopy();
  }

  public synchronized boolean jobsRunning() {
    return jobsRunning;
  }

  public synchronized List<String> mountedDisks() {
    return List.copyOf(mountedDisks);
  }

  void start() throws IOException {
    mbus.start(this::handle);
  }

  void stop() {
    mbus.stop();
  }

  /**
   * A reboot of the VM: the agent stops answering, then boots as BOSH's agent does, mounting the persistent disks its
   * settings name (mounts do not survive a reboot), and answers again.
   */
  void reboot() throws IOException {
    mbus.stop();
    synchronized (this) {
      mountedDisks.clear();
      mountedDisks.addAll(persistentDisks.keySet());
    }
    mbus.start(this::handle);
  }

  /** A disk enters the settings with its hint, or leaves them (hint null) and with them its mount: its device is gone. */
  synchronized void setPersistentDisk(String diskCid, Object hint) {
    if (hint == null) {
      persistentDisks.remove(diskCid);
      mountedDisks.remove(diskCid);
    } else {
      persistentDisks.put(diskCid, hint);
    }
  }

  /** Handles one request body and returns the reply body. Never throws. */
  String handle(String body) {
    try {
      Envelope request = Envelope.parse(body);
      String injected = failures.remove(request.method());
      if (injected != null) {
        return Envelope.value(failAs(request.method(), injected));
      }
      return Envelope.value(dispatch(request));
    } catch (AgentFailure e) {
      return Envelope.exception(e.getMessage());
    }
  }

  private Object failAs(String method, String message) {
    Supplier<Object> failing = () -> {
      throw new AgentFailure(message);
    };
    return asyncMethod(new Envelope(method, Json.mapper().createArrayNode())) != null ? tasks.start(failing) : failing.get();
  }

  private Object dispatch(Envelope request) {
    return switch (request.method()) {
      case "ping" -> "pong";
      case "info" -> Map.of("api_version", 1);
      case "get_state" -> state("full".equals(request.argument(0).asString("")));
      case "get_task" -> tasks.get(request.requiredString(0, "agent_task_id"));
      case "cancel_task" -> tasks.cancel(request.requiredString(0, "agent_task_id"));
      case "start" -> {
        setJobsRunning(true);
        yield "started";
      }
      case "tail_logs" -> jobLog.tail(request.argument(0));
      default -> {
        Supplier<Object> work = asyncMethod(request);
        if (work == null) {
          throw new AgentFailure("unknown message " + request.method());
        }
        yield tasks.start(work);
      }
    };
  }

  /** The work of an asynchronous method, or null when the agent has no such method. */
  private Supplier<Object> asyncMethod(Envelope request) {
    return switch (request.method()) {
      case "apply" -> () -> apply(request, "applied");
      case "prepare" -> () -> {
        requireSpec(request);
        return "prepared";
      };
      case "stop" -> () -> {
        setJobsRunning(false);
        return "stopped";
      };
      case "drain" -> () -> drain(request);
      case "run_script" -> () -> Map.of();
      case "list_disk" -> this::mountedDisks;
      case "mount_disk" -> () -> mount(request.requiredString(0, "disk cid"));
      case "unmount_disk" -> () -> unmount(request.requiredString(0, "disk cid"));
      case "migrate_disk" -> () -> Map.of();
      case "add_persistent_disk" -> () -> {
        setPersistentDisk(request.requiredString(0, "disk cid"), request.argument(1));
        return Map.of();
      };
      case "remove_persistent_disk" -> () -> {
        setPersistentDisk(request.requiredString(0, "disk cid"), null);
        return Map.of();
      };
      case "update_settings" -> () -> "ok";
      case "upload_blob" -> () -> "synced";
      case "compile_package" -> () -> compilePackage(request);
      case "fetch_logs" -> () -> fetchLogs(request);
      default -> null;
    };
  }

  private synchronized void setJobsRunning(boolean running) {
    jobsRunning = running;
    List<String> jobs = new ArrayList<>();
    spec.path("job").path("templates").forEach(job -> jobs.add(job.path("name").asString("")));
    jobLog.append((running ? "started " : "stopped ") + String.join(", ", jobs));
  }

  private Object apply(Envelope request, String answer) {
    ObjectNode applied = requireSpec(request);
    JsonNode archive = applied.path("rendered_templates_archive").path("blobstore_id");
    if (applied.hasNonNull("configuration_hash") && archive.isString()) {
      // The real agent downloads the archive here; checking that it exists keeps the Director's side honest.
      requireBlob(archive.stringValue(), "rendered templates archive");
    }
    synchronized (this) {
      spec = applied;
    }
    return answer;
  }

  private static ObjectNode requireSpec(Envelope request) {
    if (!(request.argument(0) instanceof ObjectNode given)) {
      throw new AgentFailure(request.method() + ": argument 1 (apply spec) must be an object");
    }
    return given.deepCopy();
  }

  private Object drain(Envelope request) {
    String type = request.requiredString(0, "drain type");
    return switch (type) {
      case "update", "shutdown" -> 0;
      case "status" -> throw new AgentFailure("drain: 'status' is not supported; this agent waits out dynamic drain itself");
      default -> throw new AgentFailure("drain: argument 1 (drain type) must be 'update' or 'shutdown', got '" + type + "'");
    };
  }

  private synchronized Object mount(String diskCid) {
    if (!persistentDisks.containsKey(diskCid)) {
      throw new AgentFailure("mount_disk: disk " + diskCid + " is not in this agent's settings (attach it first)");
    }
    if (!mountedDisks.contains(diskCid)) {
      mountedDisks.add(diskCid);
    }
    return Map.of();
  }

  private synchronized Object unmount(String diskCid) {
    boolean was = mountedDisks.remove(diskCid);
    return Map.of("message", was ? "Unmounted partition of " + diskCid : "Partition of " + diskCid + " is not mounted");
  }

  private synchronized ObjectNode state(boolean full) {
    ObjectNode state = spec.deepCopy();
    state.put("agent_id", agentId);
    List<Map<String, Object>> processes = new ArrayList<>();
    for (JsonNode job : spec.path("job").path("templates")) {
      processes.add(Map.of(
          "name", job.path("name").asString(""),
          "state", jobsRunning ? "running" : "stopped",
          "uptime", Map.of("secs", 0),
          "mem", Map.of("kb", 0, "percent", 0),
          "cpu", Map.of("total", 0)));
    }
    state.put("job_state", processes.isEmpty() ? "unknown" : jobsRunning ? "running" : "stopped");
    state.set("processes", Json.mapper().valueToTree(processes));
    state.putObject("vm").put("name", vmCid);
    if (full) {
      state.set("vitals", Json.mapper().valueToTree(SimulatedVitals.IDLE));
    }
    return state;
  }

  private Object compilePackage(Envelope request) {
    String name = request.requiredString(2, "name");
    String version = request.argument(3).asString("");
    requireBlob(request.requiredString(0, "blobstore_id"), "source of package " + name);
    FakeTarball compiled = FakeTarball.of("compiled-by-dummy-cpi", name + "/" + version + " compiled on " + vmCid + "\n");
    return Map.of("result", Map.of("blobstore_id", upload(compiled), "sha1", compiled.sha1()));
  }

  private Object fetchLogs(Envelope request) {
    FakeTarball logs = FakeTarball.of("dummy.log", "logs of " + vmCid + " (" + request.argument(0).asString("job") + ")\n");
    return Map.of("blobstore_id", upload(logs), "sha1", logs.sha1());
  }

  private String upload(FakeTarball tarball) {
    try {
      return blobs().put(tarball.bytes());
    } catch (IOException e) {
      throw new AgentFailure("blobstore: upload failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentFailure("blobstore: upload interrupted");
    }
  }

  private void requireBlob(String id, String what) {
    try {
      if (!blobs().exists(id)) {
        throw new AgentFailure("blobstore: " + what + " (blob " + id + ") is not in the Director's blobstore");
      }
    } catch (IOException e) {
      throw new AgentFailure("blobstore: cannot fetch " + what + " (blob " + id + "): " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AgentFailure("blobstore: fetching " + what + " was interrupted");
    }
  }

  /** {@code blobstores[0]} of the settings, which must be the Director's {@code dav} blobstore. */
  private DavBlobs blobs() {
    if (!(settings.get("blobstores") instanceof List<?> stores) || stores.isEmpty() || !(stores.getFirst() instanceof Map<?, ?> store)) {
      throw new AgentFailure("blobstore: the settings have no blobstores");
    }
    if (!"dav".equals(store.get("provider")) || !(store.get("options") instanceof Map<?, ?> options)) {
      throw new AgentFailure("blobstore: blobstores[0] must be a 'dav' blobstore with options, got provider '" + store.get("provider") + "'");
    }
    Object ca = options.get("tls") instanceof Map<?, ?> tls && tls.get("cert") instanceof Map<?, ?> cert ? cert.get("ca") : null;
    return DavBlobs.of(options, runtime.blobClients().apply(ca == null ? "" : ca.toString()));
  }
}
