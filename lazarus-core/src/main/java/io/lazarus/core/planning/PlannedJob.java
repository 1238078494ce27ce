package io.lazarus.core.planning;

import java.util.List;
import java.util.Map;

/**
 * A job on an instance group with everything its templates may read: the properties its spec declares (manifest
 * values by precedence job > instance group > top level, else the spec's default; nested as templates see them),
 * its consumed links and the links it provides.
 */
public record PlannedJob(String name, String release, String releaseVersion, List<String> templates, Map<String, Object> properties, List<LinkBinding> consumes, List<LinkSource> provides) {}
