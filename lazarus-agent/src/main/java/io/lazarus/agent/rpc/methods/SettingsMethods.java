package io.lazarus.agent.rpc.methods;

import io.lazarus.agent.rpc.Arguments;
import io.lazarus.agent.rpc.MethodRegistry;
import io.lazarus.core.files.FileTrees;
import io.lazarus.agent.json.JsonCodec;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * update_settings: BOSH's {@code {trusted_certs, disk_associations, ...}}, persisted to
 * {@code bosh/update_settings.json} so it survives an agent restart.
 */
public final class SettingsMethods {
  private final Path file;

  public SettingsMethods(Path updateSettingsFile) {
    this.file = updateSettingsFile;
  }

  public void register(MethodRegistry registry) {
    registry.async("update_settings", this::updateSettings);
  }

  private Object updateSettings(Arguments args) throws Exception {
    byte[] settings = JsonCodec.writeBytes(args.requiredObject(0, "settings"));
    FileTrees.writeAtomically(file, settings, PosixFilePermissions.fromString("rw-------"));
    return "ok";
  }
}
