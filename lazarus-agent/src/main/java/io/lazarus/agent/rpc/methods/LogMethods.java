package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.logs.LogBundler;
import io.lazarus.agent.logs.LogTail;
import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.agent.rpc.RpcException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * fetch_logs [log_type, filters] → {blobstore_id, sha1}; Lazarus's tail_logs [{log_type, filters, positions, lines,
 * max_bytes}] → {files: [{path, file_id, offset, next_offset, size, data, reset}], more} (docs/internals/vms.md).
 */
public final class LogMethods {
  /** What one tail_logs answer carries when the caller does not say. */
  private static final int DEFAULT_TAIL_BYTES = 64 * 1024;

  private final LogBundler bundler;
  private final LogTail tail;

  public LogMethods(LogBundler bundler, LogTail tail) {
    this.bundler = bundler;
    this.tail = tail;
  }

  public void register(MethodRegistry registry) {
    registry.async("fetch_logs", this::fetchLogs);
    registry.sync("tail_logs", this::tailLogs);
  }

  private Object tailLogs(Arguments args) throws Exception {
    JsonNode request = args.requiredObject(0, "tail request");
    String type = text(args, request, "log_type").orElse("job");
    List<String> filters = strings(args, request.path("filters"), "filters");
    Optional<Map<String, LogTail.Position>> positions = positions(args, request.path("positions"));
    int lines = count(args, request.path("lines"), "lines", 10);
    int maxBytes = count(args, request.path("max_bytes"), "max_bytes", DEFAULT_TAIL_BYTES);
    LogTail.Answer answer = tail.tail(new LogTail.Request(type, filters, positions, lines, maxBytes));
    List<Map<String, Object>> files = new ArrayList<>();
    for (LogTail.Chunk chunk : answer.files()) {
      Map<String, Object> file = new LinkedHashMap<>();
      file.put("path", chunk.path());
      file.put("file_id", chunk.fileId());
      file.put("offset", chunk.offset());
      file.put("next_offset", chunk.nextOffset());
      file.put("size", chunk.size());
      file.put("data", chunk.data());
      file.put("reset", chunk.reset().map(reset -> reset.name().toLowerCase(java.util.Locale.ROOT)).orElse(null));
      files.add(file);
    }
    return Map.of("files", files, "more", answer.more());
  }

  private static Optional<String> text(Arguments args, JsonNode request, String field) {
    JsonNode value = request.path(field);
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isString()) {
      throw args.invalid(0, field, "must be a string");
    }
    return Optional.of(value.stringValue());
  }

  private static List<String> strings(Arguments args, JsonNode value, String field) {
    List<String> strings = new ArrayList<>();
    if (value.isMissingNode() || value.isNull()) {
      return strings;
    }
    if (!value.isArray()) {
      throw args.invalid(0, field, "must be a list of glob patterns");
    }
    for (JsonNode item : value) {
      if (!item.isString()) {
        throw args.invalid(0, field, "must be a list of glob patterns");
      }
      strings.add(item.stringValue());
    }
    return strings;
  }

  private static int count(Arguments args, JsonNode value, String field, int fallback) {
    if (value.isMissingNode() || value.isNull()) {
      return fallback;
    }
    if (!value.isIntegralNumber() || value.asLong() < 0 || value.asLong() > Integer.MAX_VALUE) {
      throw args.invalid(0, field, "must be a whole number of at least 0");
    }
    return value.asInt();
  }

  /** The previous answer's positions by path; absent on a first call. */
  private static Optional<Map<String, LogTail.Position>> positions(Arguments args, JsonNode value) {
    if (value.isMissingNode() || value.isNull()) {
      return Optional.empty();
    }
    if (!value.isObject()) {
      throw args.invalid(0, "positions", "must map file paths to {offset, file_id}");
    }
    Map<String, LogTail.Position> positions = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : value.properties()) {
      JsonNode offset = entry.getValue().path("offset");
      JsonNode fileId = entry.getValue().path("file_id");
      if (!offset.isIntegralNumber() || offset.asLong() < 0 || !fileId.isString()) {
        throw new RpcException("tail_logs: argument 1 (positions) entry '" + entry.getKey() + "' must be {offset: a whole number of at least 0, file_id: a string}");
      }
      positions.put(entry.getKey(), new LogTail.Position(offset.asLong(), fileId.stringValue()));
    }
    return Optional.of(positions);
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
