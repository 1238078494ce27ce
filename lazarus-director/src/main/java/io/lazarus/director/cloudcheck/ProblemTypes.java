package io.lazarus.director.cloudcheck;

import java.util.List;

/** BOSH's problem type names. */
final class ProblemTypes {
  static final String MISSING_VM = "missing_vm";
  static final String UNRESPONSIVE_AGENT = "unresponsive_agent";
  static final String MOUNT_INFO_MISMATCH = "mount_info_mismatch";
  static final String MISSING_DISK = "missing_disk";
  static final String INACTIVE_DISK = "inactive_disk";
  static final String INVALID_PROBLEM = "invalid_problem";

  /** The types whose resource is an instance. */
  static final List<String> VM_TYPES = List.of(MISSING_VM, UNRESPONSIVE_AGENT);

  private ProblemTypes() {}
}
