package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.install.ApplySpec;
import io.lazarus.agent.install.PackageRef;
import io.lazarus.agent.install.SpecStore;
import io.lazarus.agent.jobs.DrainRunner;
import io.lazarus.agent.jobs.JobCommand;
import io.lazarus.agent.jobs.JobScripts;
import io.lazarus.agent.jobs.LastJobCommandFile;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.RpcException;
import io.lazarus.agent.supervisor.JobSupervisor;
import io.lazarus.agent.transport.HeartbeatSender;
import io.lazarus.agent.json.JsonCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/** start, stop, drain and run_script: the jobs' lifecycle. start and stop are recorded for a restarted agent. */
public final class JobMethods {
  /** How long stop waits for the processes, as long as the Director waits for the stop task. */
  static final Duration STOP_TIMEOUT = Duration.ofSeconds(300);

  private final JobSupervisor supervisor;
  private final JobScripts scripts;
  private final SpecStore specs;
  private final Optional<HeartbeatSender> heartbeats;
  private final LastJobCommandFile lastCommand;

  public JobMethods(JobSupervisor supervisor, JobScripts scripts, SpecStore specs, Optional<HeartbeatSender> heartbeats,
      LastJobCommandFile lastCommand) {
    this.supervisor = supervisor;
    this.scripts = scripts;
    this.specs = specs;
    this.heartbeats = heartbeats;
    this.lastCommand = lastCommand;
  }

  public void register(MethodRegistry registry) {
    registry.sync("start", args -> {
      lastCommand.record(JobCommand.START);
      supervisor.startAll();
      return "started";
    });
    registry.async("stop", args -> {
      lastCommand.record(JobCommand.STOP);
      supervisor.stopAll(STOP_TIMEOUT);
      return "stopped";
    });
    registry.async("drain", this::drain);
    registry.async("run_script", this::runScript);
  }

  private Object drain(Arguments args) throws Exception {
    String type = args.requiredString(0, "drain type");
    ApplySpec current = new ApplySpec(specs.current());
    JsonNode next = args.node(1);
    List<String> scriptArgs = switch (type) {
      case "update" -> {
        List<String> updateArgs = new ArrayList<>(List.of("job_changed", "hash_changed"));
        if (next.isObject()) {
          updateArgs.addAll(updatedPackages(current, ApplySpec.of(next)));
        }
        yield updateArgs;
      }
      case "shutdown" -> {
        heartbeats.ifPresent(HeartbeatSender::shutdown);
        yield List.of("job_shutdown", "hash_unchanged");
      }
      case "status" -> throw new RpcException("drain: 'status' is not supported; this agent waits out dynamic drain itself");
      default -> throw args.invalid(0, "drain type", "must be 'update' or 'shutdown', got '" + type + "'");
    };
    Map<String, String> environment = Map.of(
        "BOSH_JOB_STATE", JsonCodec.write(current.json()),
        "BOSH_JOB_NEXT_STATE", next.isObject() ? JsonCodec.write(next) : "{}");
    return new DrainRunner(scripts).drain(scriptArgs, environment);
  }

  /** Packages whose version or digest differs in the next spec, as BOSH passes them to drain scripts. */
  static List<String> updatedPackages(ApplySpec current, ApplySpec next) {
    Map<String, PackageRef> before = current.packages().stream().collect(Collectors.toMap(PackageRef::name, p -> p));
    return next.packages().stream()
        .filter(p -> !p.equals(before.get(p.name())))
        .map(PackageRef::name)
        .sorted()
        .toList();
  }

  private Object runScript(Arguments args) throws Exception {
    String script = args.requiredString(0, "script name");
    List<String> failed = new ArrayList<>();
    for (JobScripts.Outcome outcome : scripts.runAll(script, List.of(), Map.of())) {
      if (outcome.result().exitCode() != 0) {
        failed.add("'" + outcome.job() + "' (exit " + outcome.result().exitCode() + ": "
            + (outcome.result().tail().isEmpty() ? "no output" : outcome.result().tail().getLast()) + ")");
      }
    }
    if (!failed.isEmpty()) {
      throw new RpcException(script + " failed for job " + String.join(", ", failed));
    }
    return Map.of();
  }
}
