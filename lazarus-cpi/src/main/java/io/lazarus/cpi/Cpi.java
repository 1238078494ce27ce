package io.lazarus.cpi;

import java.nio.file.Path;
import java.util.Map;

/**
 * The cloud provider interface, API version 2, as the Director calls it and as BOSH's external CPIs implement it.
 *
 * <p><b>Thread-safety.</b> Implementations are thread-safe: the Director calls them from several tasks at once.
 * Calls about different VMs or disks proceed concurrently; calls about the same VM are serialized by the
 * implementation.
 *
 * <p><b>Idempotency.</b> Each method states whether repeating it is harmless. Deletions are idempotent (what is
 * already gone counts as deleted), so a Director that retries after a crash converges.
 *
 * <p><b>Errors.</b> Every method may throw {@link CpiException} with one of BOSH's types ({@link CpiErrors}): a
 * missing VM or disk is {@code VMNotFound} / {@code DiskNotFound}, a VM that could not be made is
 * {@code VMCreationFailed}, anything else {@code CloudError}.
 */
public interface Cpi {

  /** The CPI's name as {@code GET /info} and {@code GET /stemcells} show it, e.g. "local". */
  String name();

  /** BOSH's {@code info}: supported API version and stemcell formats. Idempotent. */
  CpiInfo info() throws CpiException;

  /**
   * Imports a stemcell image and returns its cloud id. Not idempotent: every call makes a new stemcell.
   *
   * @param image the unpacked stemcell's {@code image} file
   * @param cloudProperties the stemcell's {@code cloud_properties}
   */
  String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException;

  /** Deletes a stemcell. Idempotent: deleting one that is already gone succeeds. */
  void deleteStemcell(String stemcellCid) throws CpiException;

  /**
   * Creates and starts a VM whose first process is the stemcell's agent, configured from {@code spec}. Not
   * idempotent: every call makes a new VM. A failed call leaves nothing behind in the cloud.
   */
  CreatedVm createVm(VmSpec spec) throws CpiException;

  /** Stops and deletes a VM. Idempotent: a VM that does not exist counts as deleted. */
  void deleteVm(String vmCid) throws CpiException;

  /** Whether the VM exists (BOSH: it exists in the cloud, whatever its agent does). Idempotent, no side effect. */
  boolean hasVm(String vmCid) throws CpiException;

  /** Restarts the VM from its own disk. Repeatable; {@code VMNotFound} when the VM does not exist. */
  void rebootVm(String vmCid) throws CpiException;

  /** Replaces the VM's metadata (tags). Idempotent; {@code VMNotFound} when the VM does not exist. */
  void setVmMetadata(String vmCid, Map<String, String> metadata) throws CpiException;

  /**
   * Creates a persistent disk and returns its cloud id. Not idempotent.
   *
   * @param vmCid the VM the disk will be attached to (a placement hint), or null
   */
  String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) throws CpiException;

  /** Deletes a disk. Idempotent: a missing disk counts as deleted. Refused while the disk is attached. */
  void deleteDisk(String diskCid) throws CpiException;

  /**
   * Attaches a disk to a VM and returns how the agent finds it. Idempotent for the same VM; refused when the disk is
   * attached to another VM.
   */
  DiskHint attachDisk(String vmCid, String diskCid) throws CpiException;

  /** Detaches a disk from a VM. Idempotent: a disk that is not attached to the VM is fine. */
  void detachDisk(String vmCid, String diskCid) throws CpiException;

  /** Whether the disk exists. Idempotent, no side effect. */
  boolean hasDisk(String diskCid) throws CpiException;
}
