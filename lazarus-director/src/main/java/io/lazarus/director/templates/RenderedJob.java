package io.lazarus.director.templates;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One job rendered for one instance: its {@code monit} file and its files by destination path (relative to the job's
 * directory on the VM, e.g. {@code bin/ctl}), in the order the job spec lists its templates.
 */
public record RenderedJob(String name, String monit, Map<String, String> files) {
  public RenderedJob {
    files = Collections.unmodifiableMap(new LinkedHashMap<>(files));
  }
}
