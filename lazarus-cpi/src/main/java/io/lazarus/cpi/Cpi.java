package io.lazarus.cpi;

import java.nio.file.Path;
import java.util.Map;

/**
 * The cloud provider interface, API version 2, as the Director calls it. This release of Lazarus uses the stemcell
 * methods; the VM and disk methods join the contract with the deployer.
 *
 * <p>Implementations are thread-safe. Every method may throw {@link CpiException}, BOSH's typed CPI error.
 */
public interface Cpi {

  /** The CPI's name as {@code GET /info} and {@code GET /stemcells} show it, e.g. "local". */
  String name();

  /** BOSH's {@code info}: supported API version and stemcell formats. */
  CpiInfo info();

  /**
   * Imports a stemcell image and returns its cloud id.
   *
   * @param image the unpacked stemcell's {@code image} file
   * @param cloudProperties the stemcell's {@code cloud_properties}
   */
  String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException;

  /** Deletes a stemcell; deleting one that is already gone succeeds (idempotent). */
  void deleteStemcell(String stemcellCid) throws CpiException;
}
