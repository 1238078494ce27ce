package io.lazarus.monitor.config;

import static io.lazarus.core.yaml.YamlValues.map;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** The HTTPS listener agents post to: where it listens, its certificate and key (PEM), and the heartbeat key file. */
public record IngestConfig(HmConfig.Endpoint endpoint, Path certificate, Path privateKey, Path heartbeatKey) {

  static IngestConfig parse(ConfigReader reader, Object value) {
    if (value == null) {
      throw reader.doc().fail("", "missing required field 'ingest' (certificate, private_key, heartbeat_key)");
    }
    Map<String, Object> section = map(reader.doc(), "ingest", value);
    HmConfig.Endpoint endpoint = reader.endpoint("ingest", section, Set.of("certificate", "private_key", "heartbeat_key"), HmConfig.DEFAULT_INGEST);
    return new IngestConfig(
        endpoint,
        reader.existingFile("ingest", section, "certificate"),
        reader.existingFile("ingest", section, "private_key"),
        reader.existingFile("ingest", section, "heartbeat_key"));
  }
}
