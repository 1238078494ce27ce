package io.lazarus.monitor.resurrector;

/** One instance as BOSH's alert tracker keys it (§3.3): equal on all three fields. */
public record JobInstanceKey(String deployment, String job, String instanceId) {

  /** {@code <group>/<id>}, as BOSH lists instances in alert summaries. */
  public String display() {
    return job + "/" + instanceId;
  }
}
