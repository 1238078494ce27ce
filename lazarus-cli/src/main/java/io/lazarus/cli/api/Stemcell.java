package io.lazarus.cli.api;

import java.util.List;

/** An item of {@code GET /stemcells}. */
public record Stemcell(
    String name, String version, String operatingSystem, String cid, String cpi, List<Named> deployments) {

  public boolean deployed() {
    return deployments != null && !deployments.isEmpty();
  }
}
