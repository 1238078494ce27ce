package io.lazarus.cpi.local;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;

/**
 * A stemcell image (a gzipped tar) whose agent is a shell script: it writes what it sees into {@code seen} under its
 * root ({@code $VCAP_ROOT}, {@code ls /var/vcap/bosh}, its settings, its environment), starts a child "job", and
 * then sleeps, so tests can watch its processes.
 */
public final class FakeStemcell {
  public static final String AGENT = """
      #!/bin/sh
      {
        echo "VCAP_ROOT=$VCAP_ROOT"
        echo "PATH=$PATH"
        echo "LAZARUS_JAVA=$LAZARUS_JAVA"
        echo "LS=$(ls /var/vcap/bosh 2>/dev/null | tr '\\n' ' ')"
        echo "SETTINGS=$(tr -d '\\n' < "$VCAP_ROOT/bosh/settings.json")"
        echo "BOOT=$(date +%s%N)"
      } > "$VCAP_ROOT/seen.tmp"
      mv "$VCAP_ROOT/seen.tmp" "$VCAP_ROOT/seen"
      sleep 1001 &
      exec sleep 1000
      """;

  private final Map<String, String> files = new LinkedHashMap<>();

  private FakeStemcell() {
    files.put("bosh/bin/bosh-agent", AGENT);
  }

  public static FakeStemcell withAgent() {
    return new FakeStemcell();
  }

  public FakeStemcell file(String name, String content) {
    files.put(name, content);
    return this;
  }

  public Path writeTo(Path image) throws IOException {
    try (OutputStream out = Files.newOutputStream(image);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(out))) {
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        entry.setMode(file.getKey().startsWith("bosh/bin/") ? 0755 : 0644);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return image;
  }
}
