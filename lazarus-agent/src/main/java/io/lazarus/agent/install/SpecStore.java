package io.lazarus.agent.install;

import io.lazarus.core.files.FileTrees;
import io.lazarus.agent.json.JsonCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The last applied spec, kept in {@code bosh/spec.json} so get_state and heartbeats report it after an agent
 * restart. Thread-safe.
 */
public final class SpecStore {
  private final Path file;
  private volatile ObjectNode current;

  public SpecStore(Path file) {
    this.file = file;
  }

  /** The stored spec, or an empty object before the first apply. A copy: callers may change it. */
  public ObjectNode current() {
    ObjectNode spec = current;
    if (spec == null) {
      spec = read();
      current = spec;
    }
    return spec.deepCopy();
  }

  public synchronized void save(ObjectNode spec) throws IOException {
    FileTrees.writeAtomically(file, JsonCodec.writeBytes(spec), null);
    current = spec.deepCopy();
  }

  private ObjectNode read() {
    if (!Files.isRegularFile(file)) {
      return JsonCodec.object();
    }
    try {
      JsonNode node = JsonCodec.read(Files.readString(file));
      return node != null && node.isObject() ? (ObjectNode) node : JsonCodec.object();
    } catch (IOException | RuntimeException e) {
      // A torn or foreign file must not keep the agent from answering: the next apply rewrites it.
      org.slf4j.LoggerFactory.getLogger(SpecStore.class).warn("ignoring unreadable {}: {}", file, e.getMessage());
      return JsonCodec.object();
    }
  }
}
