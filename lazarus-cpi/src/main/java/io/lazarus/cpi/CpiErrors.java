package io.lazarus.cpi;

/**
 * BOSH's CPI error types ({@code Bosh::Clouds::*}) as they travel in the external CPI protocol's {@code error.type},
 * and factories for the common failures.
 */
public final class CpiErrors {
  public static final String CLOUD_ERROR = "Bosh::Clouds::CloudError";
  public static final String CPI_ERROR = "Bosh::Clouds::CpiError";
  public static final String NOT_IMPLEMENTED = "Bosh::Clouds::NotImplemented";
  public static final String VM_NOT_FOUND = "Bosh::Clouds::VMNotFound";
  public static final String DISK_NOT_FOUND = "Bosh::Clouds::DiskNotFound";
  public static final String DISK_NOT_ATTACHED = "Bosh::Clouds::DiskNotAttached";
  public static final String VM_CREATION_FAILED = "Bosh::Clouds::VMCreationFailed";

  private CpiErrors() {}

  public static CpiException cloudError(String message) {
    return new CpiException(CLOUD_ERROR, message, false);
  }

  public static CpiException vmNotFound(String vmCid) {
    return new CpiException(VM_NOT_FOUND, "VM '" + vmCid + "' not found", false);
  }

  public static CpiException diskNotFound(String diskCid) {
    return new CpiException(DISK_NOT_FOUND, "Disk '" + diskCid + "' not found", false);
  }

  public static CpiException notImplemented(String method) {
    return new CpiException(NOT_IMPLEMENTED, "Must call implemented method: " + method, false);
  }
}
