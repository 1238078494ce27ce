package io.lazarus.monitor.plugins;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A plugin that can say why it acts or not: {@code GET /decisions} (docs/internals/healing.md) serves this as JSON. */
public interface Explainer {
  /** One JSON object per deployment (only {@code deployment}'s when given), in the shape healing.md shows. */
  List<Map<String, Object>> decisions(Optional<String> deployment);
}
