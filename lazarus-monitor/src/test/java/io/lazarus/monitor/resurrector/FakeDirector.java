package io.lazarus.monitor.resurrector;

import io.lazarus.monitor.director.DirectorApi;
import io.lazarus.monitor.director.DirectorApiException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An in-memory Director: answers what the test sets, records the scan_and_fix requests and counts the calls. */
final class FakeDirector implements DirectorApi {
  int infoFailures;
  int infoCalls;
  boolean tasksFail;
  List<TaskSummary> tasks = new ArrayList<>();
  final Map<Long, String> taskStates = new HashMap<>();
  final List<Map<String, List<String>>> scanAndFixes = new ArrayList<>();
  boolean scanAndFixRefused;
  final List<String> recreates = new ArrayList<>();
  long nextTask = 100;
  List<NamedConfig> configs = List.of();
  int configReads;
  ResurrectionSwitch resurrection = new ResurrectionSwitch(true, Optional.empty(), Optional.empty(), true);

  @Override
  public Map<String, Object> info() {
    infoCalls++;
    if (infoFailures > 0) {
      infoFailures--;
      throw new DirectorApiException(500, "GET /info: 500", null);
    }
    return Map.of("user_authentication", Map.of());
  }

  @Override
  public List<DeploymentSummary> deployments() {
    return List.of();
  }

  @Override
  public List<InstanceSummary> instances(String deployment) {
    return List.of();
  }

  @Override
  public List<NamedConfig> resurrectionConfigs() {
    configReads++;
    return configs;
  }

  @Override
  public ResurrectionSwitch resurrection() {
    return resurrection;
  }

  @Override
  public List<TaskSummary> tasks(String deployment, List<String> states) {
    if (tasksFail) {
      throw new DirectorApiException(500, "GET /tasks: 500", null);
    }
    return tasks;
  }

  @Override
  public TaskSummary task(long id) {
    return new TaskSummary(id, taskStates.getOrDefault(id, "processing"), "scan and fix", "d", null);
  }

  @Override
  public long scanAndFix(String deployment, Map<String, List<String>> jobs) {
    if (scanAndFixRefused) {
      throw new DirectorApiException(400, "Resurrector is paused", null);
    }
    scanAndFixes.add(jobs);
    return nextTask++;
  }

  @Override
  public long recreate(String deployment, String instanceGroup, String instanceId) {
    recreates.add(instanceGroup + "/" + instanceId);
    return nextTask++;
  }

  @Override
  public void createEvent(Map<String, Object> event) {}
}
