package io.lazarus.director.locks;

/** One held lock: {@code name} is BOSH's {@code lock:<type>:<resource>}; expiry is epoch milliseconds. */
public record LockRow(String name, String uid, Long taskId, long expiresAt) {

  /** The lock type, e.g. "deployment" from {@code lock:deployment:cf}. */
  public String type() {
    String[] parts = name.split(":", 3);
    return parts.length == 3 ? parts[1] : name;
  }

  /** The locked resource, e.g. "cf" from {@code lock:deployment:cf}. */
  public String resource() {
    String[] parts = name.split(":", 3);
    return parts.length == 3 ? parts[2] : "";
  }
}
