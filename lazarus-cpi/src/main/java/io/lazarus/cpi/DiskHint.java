package io.lazarus.cpi;

import java.util.Map;

/**
 * What {@code attach_disk} returns in API v2: how the agent finds the attached disk. Clouds differ (a device path,
 * or an object); the local cloud's hint is {@code {"path": "<directory>"}}.
 *
 * @param value the hint as JSON decodes it: a string, a map or null (an API v1 CPI returns nothing)
 */
public record DiskHint(Object value) {
  public static DiskHint path(String path) {
    return new DiskHint(Map.of("path", path));
  }
}
