package io.lazarus.director.tasks;

import java.util.List;
import java.util.Set;

/**
 * Which tasks {@code GET /tasks} lists. Empty sets and nulls mean "no filter"; {@code types} empty means all
 * types (BOSH's verbose=2).
 */
public record TaskFilter(Set<TaskState> states, Set<String> types, String deployment, String contextId, int limit) {

  /** The types BOSH lists at verbose=1 (tasks_controller.rb). */
  public static final Set<String> VERBOSE_1_TYPES =
      Set.copyOf(
          List.of(
              "attach_disk", "create_snapshot", "delete_deployment", "delete_release", "delete_snapshot",
              "delete_stemcell", "run_errand", "snapshot_deployment", "update_instance", "update_deployment",
              "update_release", "update_stemcell", "export_release"));
}
