package io.lazarus.director.cleanup;

/** BOSH's clean-up config: {@code remove_all} (the CLI's {@code --all}) and {@code keep_orphaned_disks}. */
public record CleanupOptions(boolean removeAll, boolean keepOrphanedDisks) {

  /** BOSH's task description. */
  public String description() {
    return removeAll ? "clean up all" : "clean up";
  }
}
