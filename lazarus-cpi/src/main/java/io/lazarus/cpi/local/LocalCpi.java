package io.lazarus.cpi.local;

import io.lazarus.core.files.FileTrees;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The local cloud's CPI: this machine is the IaaS. Stemcell images are kept under {@code <root>/stemcells/<cid>/}
 * (the VMs of the local cloud start from them). Thread-safe: each call works on its own directory.
 */
public final class LocalCpi implements Cpi {
  private static final String CLOUD_ERROR = "Bosh::Clouds::CloudError";

  private final Path root;

  public LocalCpi(Path root) {
    this.root = root;
  }

  @Override
  public String name() {
    return "local";
  }

  @Override
  public CpiInfo info() {
    return new CpiInfo(2, List.of("local-tgz"));
  }

  @Override
  public String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException {
    String cid = "sc-" + UUID.randomUUID();
    Path dir = root.resolve("stemcells").resolve(cid);
    Path staging = root.resolve("stemcells").resolve("." + cid + ".tmp");
    try {
      Files.createDirectories(staging);
      Files.copy(image, staging.resolve("image"), StandardCopyOption.REPLACE_EXISTING);
      Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
      return cid;
    } catch (IOException e) {
      FileTrees.deleteRecursively(staging);
      throw new CpiException(CLOUD_ERROR, "cannot store stemcell image: " + e.getMessage(), true, e);
    }
  }

  @Override
  public void deleteStemcell(String stemcellCid) throws CpiException {
    if (!stemcellCid.matches("sc-[0-9a-f-]+")) {
      throw new CpiException(CLOUD_ERROR, "'" + stemcellCid + "' is not a local stemcell id", false);
    }
    try {
      FileTrees.deleteRecursively(root.resolve("stemcells").resolve(stemcellCid));
    } catch (RuntimeException e) {
      throw new CpiException(CLOUD_ERROR, "cannot delete stemcell " + stemcellCid + ": " + e.getMessage(), true, e);
    }
  }

  /** Whether the stemcell's image is present (the local cloud's console and tests look). */
  public boolean hasStemcell(String stemcellCid) {
    return Files.exists(root.resolve("stemcells").resolve(stemcellCid).resolve("image"));
  }
}
