package io.lazarus.core.planning;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One desired instance. The az is assigned round-robin over the group's {@code azs} by index; index 0 is the
 * group's bootstrap instance. {@code azCloudProperties} are the az's, for the CPI.
 */
public record PlannedInstance(InstanceId id, Optional<String> az, Map<String, Object> azCloudProperties, boolean bootstrap, List<InstanceNetwork> networks) {}
