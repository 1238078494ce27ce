package io.lazarus.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VcapPathRewriterTest {
  final VcapPathRewriter rewriter = new VcapPathRewriter(Path.of("/tmp/cloud/vms/vm-1/root"));

  @Test
  void rewritesVarVcapWhereAPathStarts() {
    assertThat(rewriter.rewritePaths("PIDFILE=/var/vcap/sys/run/web/pid; cd /var/vcap; x=/var/vcapital"))
        .isEqualTo("PIDFILE=/tmp/cloud/vms/vm-1/root/sys/run/web/pid; cd /tmp/cloud/vms/vm-1/root; x=/var/vcapital");
  }

  @Test
  void rewritesTextFilesKeepingPermissionsAndLeavesBinariesAlone(@TempDir Path dir) throws Exception {
    Path script = dir.resolve("ctl");
    Files.writeString(script, "exec /var/vcap/packages/app/bin/app\n");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path binary = dir.resolve("app.bin");
    Files.write(binary, new byte[] {0x7f, 'E', 'L', 'F', 0, '/', 'v', 'a', 'r', '/', 'v', 'c', 'a', 'p'});

    assertThat(rewriter.rewriteTree(dir)).isEqualTo(1);

    assertThat(script).hasContent("exec /tmp/cloud/vms/vm-1/root/packages/app/bin/app");
    assertThat(Files.isExecutable(script)).isTrue();
    assertThat(Files.readAllBytes(binary)).hasSize(14);
  }
}
