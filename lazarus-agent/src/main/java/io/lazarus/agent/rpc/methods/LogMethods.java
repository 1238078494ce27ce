package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.logs.LogBundler;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** fetch_logs [log_type, filters] → {blobstore_id, sha1}. */
public final class LogMethods {
  private final LogBundler bundler;

  public LogMethods(LogBundler bundler) {
    this.bundler = bundler;
  }

  public void register(MethodRegistry registry) {
    registry.async("fetch_logs", this::fetchLogs);
  }

  private Object fetchLogs(Arguments args) throws Exception {
    String type = args.optionalString(0, "log type").orElse("job");
    List<String> filters = new ArrayList<>();
    JsonNode given = args.node(1);
    if (given.isArray()) {
      for (JsonNode filter : given) {
        if (!filter.isString()) {
          throw args.invalid(1, "filters", "must be a list of glob patterns");
        }
        filters.add(filter.stringValue());
      }
    } else if (!given.isMissingNode() && !given.isNull()) {
      throw args.invalid(1, "filters", "must be a list of glob patterns");
    }
    LogBundler.Bundle bundle = bundler.bundle(type, filters);
    return Map.of("blobstore_id", bundle.blobstoreId(), "sha1", bundle.sha1());
  }
}
