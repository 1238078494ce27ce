package io.lazarus.director.cloudcheck;

/** One way to resolve a problem: BOSH's name ({@code recreate_vm}) and the plan text shown to the operator. */
public record Resolution(String name, String plan) {
  static final Resolution IGNORE = new Resolution("ignore", "Skip for now");
  static final Resolution RECREATE_VM_WITHOUT_WAIT = new Resolution("recreate_vm_without_wait", "Recreate VM without waiting for processes to start");
  static final Resolution RECREATE_VM = new Resolution("recreate_vm", "Recreate VM and wait for processes to start");
}
