package io.lazarus.director.deployments;

import java.util.List;

/**
 * A deployment row with the release versions and stemcells it uses (each sorted by name, then version) and the ids
 * of the cloud configs it was deployed with.
 */
public record Deployment(
    long id, String name, String manifest, List<String> teams, List<Long> cloudConfigIds, List<NameVersion> releases, List<NameVersion> stemcells) {}
