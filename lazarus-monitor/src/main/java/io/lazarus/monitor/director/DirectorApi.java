package io.lazarus.monitor.director;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The calls the Health Monitor and its plugins make to the Director, authenticated with the HM's own account.
 * Every method throws {@link DirectorApiException} when the Director cannot be reached or answers an unexpected
 * status. Implementations are thread-safe.
 */
public interface DirectorApi {
  /** {@code GET /info} (no auth). */
  Map<String, Object> info();

  /** {@code GET /deployments?exclude_configs=true&exclude_releases=true&exclude_stemcells=true}. */
  List<DeploymentSummary> deployments();

  /** {@code GET /deployments/<d>/instances} (synchronous form). */
  List<InstanceSummary> instances(String deployment);

  /** {@code GET /configs?type=resurrection&latest=true}, in the Director's order. */
  List<NamedConfig> resurrectionConfigs();

  /** {@code GET /resurrection}. */
  ResurrectionSwitch resurrection();

  /** {@code GET /tasks?deployment=<d>&state=<states joined by ,>&verbose=2}. */
  List<TaskSummary> tasks(String deployment, List<String> states);

  /** {@code GET /tasks/<id>}. */
  TaskSummary task(long id);

  /** {@code PUT /deployments/<d>/scan_and_fix} with {@code {"jobs": jobs}}; the id of the queued task. */
  long scanAndFix(String deployment, Map<String, List<String>> jobs);

  /**
   * {@code PUT /deployments/<d>/jobs/<group>/<id>?state=recreate} (as {@code bosh recreate group/id}); the id of the
   * queued task. For an instance whose agent answers but whose jobs do not run, which scan_and_fix leaves alone.
   */
  long recreate(String deployment, String instanceGroup, String instanceId);

  /** {@code POST /events} with BOSH's event body. */
  void createEvent(Map<String, Object> event);

  record DeploymentSummary(String name, List<String> teams, boolean locked) {}

  /** {@code agentId}, {@code cid}, {@code az}, {@code diskCid} may be null. */
  record InstanceSummary(String id, String agentId, String job, Integer index, String cid, String az, boolean expectsVm, boolean ignore, String state, String diskCid) {}

  record NamedConfig(String id, String name, String content) {}

  /**
   * Lazarus adds {@code pausedUntil} (timed pause), {@code pausedSince}, and {@code autoFixStatefulNodes}: the
   * Director's {@code scan_and_fix.auto_fix_stateful_nodes}; when false, scan_and_fix leaves instances with a
   * persistent disk alone (true when the Director does not say, as BOSH's default).
   */
  record ResurrectionSwitch(boolean enabled, Optional<Instant> pausedUntil, Optional<Instant> pausedSince, boolean autoFixStatefulNodes) {}

  record TaskSummary(long id, String state, String description, String deployment, String result) {}
}
