package io.lazarus.cpi.external;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CpiLog;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.Network;
import io.lazarus.cpi.VmSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The external CPI client against small shell-script CPIs. */
class ExternalCpiIT {
  @TempDir
  Path dir;

  private final List<String> logged = new CopyOnWriteArrayList<>();
  private final CpiLog log = logged::add;

  private ExternalCpi cpi(String script, Duration timeout) throws Exception {
    Path executable = dir.resolve("cpi");
    Files.writeString(executable, "#!/bin/sh\n" + script + "\n");
    Files.setPosixFilePermissions(executable, PosixFilePermissions.fromString("rwx------"));
    return new ExternalCpi(new ExternalCpiConfig("test-cpi", executable, Map.of("root", "/cloud"), "director-1", timeout),
        log);
  }

  private ExternalCpi answering(String response) throws Exception {
    return cpi("cat > \"" + dir.resolve("request.json") + "\"\nprintf '%s\\n' '" + response + "'", Duration.ofSeconds(10));
  }

  @Test
  void sendsOneRequestWithMethodArgumentsContextAndApiVersion() throws Exception {
    ExternalCpi cpi = answering("{\"result\":true,\"error\":null,\"log\":\"looked it up\\n\"}");

    assertThat(cpi.hasVm("vm-1")).isTrue();

    Map<?, ?> request = Json.read(Files.readString(dir.resolve("request.json")), Map.class);
    assertThat(request.get("method")).isEqualTo("has_vm");
    assertThat(request.get("arguments")).isEqualTo(List.of("vm-1"));
    assertThat(request.get("api_version")).isEqualTo(2);
    assertThat(object(request.get("context"))).containsEntry("director_uuid", "director-1")
        .containsEntry("root", "/cloud").containsKey("request_id");
    assertThat(logged).containsExactly("looked it up\n");
  }

  @Test
  void decodesTypedResults() throws Exception {
    assertThat(answering("{\"result\":{\"api_version\":2,\"stemcell_formats\":[\"local-tgz\"]},\"error\":null}").info())
        .isEqualTo(new CpiInfo(2, List.of("local-tgz")));

    ExternalCpi v2 = answering("{\"result\":[\"vm-9\",{\"default\":{\"type\":\"manual\",\"ip\":\"127.10.0.9\"}}],\"error\":null}");
    CreatedVm created = v2.createVm(new VmSpec("a", "sc", Map.of(), Map.of("default", Network.manual("127.10.0.9", null, null)), List.of(), Map.of()));
    assertThat(created.cid()).isEqualTo("vm-9");
    assertThat(created.networks().get("default").ip()).isEqualTo("127.10.0.9");

    ExternalCpi v1 = answering("{\"result\":\"vm-8\",\"error\":null}");
    assertThat(v1.createVm(new VmSpec("a", "sc", null, null, null, null)).cid()).isEqualTo("vm-8");

    assertThat(answering("{\"result\":{\"path\":\"/d\"},\"error\":null}").attachDisk("vm-1", "disk-1").value())
        .isEqualTo(Map.of("path", "/d"));
  }

  @Test
  void theCpisErrorIsThrownWithItsTypeAndRetryFlag() throws Exception {
    ExternalCpi cpi = answering(
        "{\"result\":null,\"error\":{\"type\":\"Bosh::Clouds::VMNotFound\",\"message\":\"no vm-1\",\"ok_to_retry\":true},\"log\":\"\"}");

    assertThatThrownBy(() -> cpi.rebootVm("vm-1")).isInstanceOfSatisfying(CpiException.class, e -> {
      assertThat(e.type()).isEqualTo(CpiErrors.VM_NOT_FOUND);
      assertThat(e.getMessage()).isEqualTo("no vm-1");
      assertThat(e.okToRetry()).isTrue();
    });
  }

  @Test
  void stderrGoesToTheLog() throws Exception {
    ExternalCpi cpi = cpi("cat >/dev/null; echo 'working hard' >&2; echo '{\"result\":null,\"error\":null}'", Duration.ofSeconds(10));

    cpi.deleteVm("vm-1");

    assertThat(logged).containsExactly("working hard\n");
  }

  @Test
  void nonJsonOutputIsQuoted() throws Exception {
    ExternalCpi cpi = cpi("cat >/dev/null; echo 'Traceback: something broke'", Duration.ofSeconds(10));

    assertThatThrownBy(() -> cpi.deleteVm("vm-1"))
        .hasMessage("CPI 'test-cpi' (" + dir.resolve("cpi") + ") method 'delete_vm' answered with something other "
            + "than JSON: 'Traceback: something broke\n'");
  }

  @Test
  void longOutputIsQuotedUpTo200Characters() throws Exception {
    ExternalCpi cpi = cpi("cat >/dev/null; printf 'x%.0s' $(seq 1 500)", Duration.ofSeconds(10));

    assertThatThrownBy(() -> cpi.deleteVm("vm-1")).hasMessageEndingWith("'" + "x".repeat(200) + "...'");
  }

  @Test
  void aNonZeroExitIsAnError() throws Exception {
    ExternalCpi cpi = cpi("cat >/dev/null; echo 'no config' >&2; exit 3", Duration.ofSeconds(10));

    assertThatThrownBy(() -> cpi.hasDisk("disk-1")).hasMessageContaining("method 'has_disk' exited with code 3: no config");
  }

  @Test
  void missingFieldsAreErrors() throws Exception {
    assertThatThrownBy(() -> answering("{\"error\":null}").hasDisk("d"))
        .hasMessageContaining("answered without 'result'");
    assertThatThrownBy(() -> answering("{\"result\":null,\"error\":{\"message\":\"m\"}}").hasDisk("d"))
        .hasMessageContaining("an error lacking 'type' or 'message'");
    assertThatThrownBy(() -> answering("{\"result\":\"yes\",\"error\":null}").hasDisk("d"))
        .hasMessageContaining("returned \"yes\" where true or false was expected");
  }

  @Test
  void aSlowCpiIsKilledAtTheTimeout() throws Exception {
    Path pid = dir.resolve("pid");
    ExternalCpi cpi = cpi("echo $$ > \"" + pid + "\"; exec sleep 60", Duration.ofMillis(500));

    assertThatThrownBy(() -> cpi.info()).isInstanceOfSatisfying(CpiException.class, e -> {
      assertThat(e.getMessage()).contains("did not answer within 0 s; its process was killed");
      assertThat(e.okToRetry()).isTrue();
    });
    long slow = Long.parseLong(Files.readString(pid).trim());
    assertThat(ProcessHandle.of(slow).map(ProcessHandle::isAlive).orElse(false)).isFalse();
  }

  @Test
  void aMissingOrNonExecutableProgramIsNamed() throws Exception {
    ExternalCpi missing = new ExternalCpi(
        new ExternalCpiConfig("gone", dir.resolve("nothing"), Map.of(), "d", Duration.ofSeconds(1)), log);
    Path plainFile = Files.writeString(dir.resolve("not-executable"), "#!/bin/sh\n");
    ExternalCpi notExecutable = new ExternalCpi(
        new ExternalCpiConfig("flat", plainFile, Map.of(), "d", Duration.ofSeconds(1)), log);

    assertThatThrownBy(missing::info).hasMessage("CPI 'gone': executable " + dir.resolve("nothing") + " not found");
    assertThatThrownBy(notExecutable::info).hasMessage("CPI 'flat': " + plainFile + " is not executable");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }
}
