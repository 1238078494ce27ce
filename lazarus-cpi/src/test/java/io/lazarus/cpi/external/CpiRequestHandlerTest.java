package io.lazarus.cpi.external;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.core.json.Json;
import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.VmSpec;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpiRequestHandlerTest {
  private final List<Object> calls = new ArrayList<>();
  private Map<String, Object> context;

  /** A CPI that records what it was given; VMs it does not know are missing. */
  private final class RecordingCpi implements Cpi {
    @Override
    public String name() {
      return "recording";
    }

    @Override
    public CpiInfo info() {
      return new CpiInfo(2, List.of("local-tgz"));
    }

    @Override
    public String createStemcell(Path image, Map<String, Object> cloudProperties) {
      calls.add(image);
      return "sc-1";
    }

    @Override
    public void deleteStemcell(String stemcellCid) {
      calls.add(stemcellCid);
    }

    @Override
    public CreatedVm createVm(VmSpec spec) {
      calls.add(spec);
      return new CreatedVm("vm-1", spec.networks());
    }

    @Override
    public void deleteVm(String vmCid) {
      calls.add(vmCid);
    }

    @Override
    public boolean hasVm(String vmCid) {
      return vmCid.equals("vm-1");
    }

    @Override
    public void rebootVm(String vmCid) throws CpiException {
      throw CpiErrors.vmNotFound(vmCid);
    }

    @Override
    public void setVmMetadata(String vmCid, Map<String, String> metadata) {
      calls.add(metadata);
    }

    @Override
    public String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) {
      calls.add(sizeMb);
      return "disk-1";
    }

    @Override
    public void deleteDisk(String diskCid) {
      throw new IllegalStateException("disk store on fire");
    }

    @Override
    public DiskHint attachDisk(String vmCid, String diskCid) {
      return DiskHint.path("/disks/" + diskCid);
    }

    @Override
    public void detachDisk(String vmCid, String diskCid) {
      calls.add(diskCid);
    }

    @Override
    public boolean hasDisk(String diskCid) {
      return false;
    }
  }

  private Map<?, ?> handle(String request) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new CpiRequestHandler(ctx -> {
      context = ctx;
      return new RecordingCpi();
    }).handle(new ByteArrayInputStream(request.getBytes(StandardCharsets.UTF_8)), out);
    return Json.read(out.toString(StandardCharsets.UTF_8), Map.class);
  }

  @Test
  void answersInfoWithTheApiVersionAndFormats() throws Exception {
    Map<?, ?> response = handle("""
        {"method":"info","arguments":[],"context":{"director_uuid":"d-1","request_id":"cpi-1","root":"/r"},"api_version":2}""");

    assertThat(response.get("result")).isEqualTo(Map.of("api_version", 2, "stemcell_formats", List.of("local-tgz")));
    assertThat(response.get("error")).isNull();
    assertThat(context).containsEntry("root", "/r").containsEntry("director_uuid", "d-1");
  }

  @Test
  void createVmTakesBoshsArgumentsAndAnswersCidAndNetworks() throws Exception {
    Map<?, ?> response = handle("""
        {"method":"create_vm","arguments":["agent-1","sc-1",{"cpu":1},
          {"default":{"type":"manual","ip":"127.10.0.5","netmask":"255.255.255.0","gateway":"127.10.0.1","dns":[],
                      "default":["dns","gateway"],"cloud_properties":{}}},
          ["disk-9"],{"bosh":{"mbus":{"user":"u"}}}],"context":{}}""");

    VmSpec spec = (VmSpec) calls.get(0);
    assertThat(spec.agentId()).isEqualTo("agent-1");
    assertThat(spec.networks().get("default").ip()).isEqualTo("127.10.0.5");
    assertThat(spec.networks().get("default").defaults()).containsExactly("dns", "gateway");
    assertThat(spec.diskCids()).containsExactly("disk-9");
    assertThat(spec.env()).containsKey("bosh");
    List<?> result = (List<?>) response.get("result");
    assertThat(result.get(0)).isEqualTo("vm-1");
    assertThat(object(object(result.get(1)).get("default"))).containsOnlyKeys(
        "type", "ip", "netmask", "gateway", "dns", "default", "cloud_properties");
    assertThat((String) response.get("log")).isEqualTo("create_vm\n");
  }

  @Test
  void aCpiErrorBecomesTheErrorObject() throws Exception {
    Map<?, ?> response = handle("{\"method\":\"reboot_vm\",\"arguments\":[\"vm-7\"],\"context\":{}}");

    assertThat(response.get("result")).isNull();
    assertThat(response.get("error")).isEqualTo(
        Map.of("type", CpiErrors.VM_NOT_FOUND, "message", "VM 'vm-7' not found", "ok_to_retry", false));
  }

  @Test
  void anUnknownMethodIsNotImplemented() throws Exception {
    Map<?, ?> response = handle("{\"method\":\"calculate_vm_cloud_properties\",\"arguments\":[],\"context\":{}}");

    assertThat(object(response.get("error"))).containsEntry("type", CpiErrors.NOT_IMPLEMENTED)
        .containsEntry("message", "Must call implemented method: calculate_vm_cloud_properties");
  }

  @Test
  void aBugIsACloudErrorWithItsStackTraceInTheLogOnly() throws Exception {
    Map<?, ?> response = handle("{\"method\":\"delete_disk\",\"arguments\":[\"disk-1\"],\"context\":{}}");

    assertThat(object(response.get("error"))).containsEntry("type", CpiErrors.CLOUD_ERROR)
        .containsEntry("message", "disk store on fire");
    assertThat((String) response.get("log")).contains("IllegalStateException", "at io.lazarus");
  }

  @Test
  void wrongArgumentsAndGarbageAreClearErrors() throws Exception {
    assertThat(object(handle("{\"method\":\"create_disk\",\"arguments\":[\"big\",{}],\"context\":{}}").get("error")))
        .containsEntry("message", "invalid arguments for 'create_disk': argument 1 must be an integer, got \"big\"");
    assertThat((String) object(handle("this is not json").get("error")).get("message"))
        .startsWith("invalid CPI request: not JSON");
    assertThat((String) object(handle("[1]").get("error")).get("message"))
        .startsWith("invalid CPI request: expected a JSON object");
  }

  @Test
  void passesTheRestThrough() throws Exception {
    assertThat(handle("{\"method\":\"has_vm\",\"arguments\":[\"vm-1\"],\"context\":{}}").get("result")).isEqualTo(true);
    assertThat(handle("{\"method\":\"attach_disk\",\"arguments\":[\"vm-1\",\"disk-1\"],\"context\":{}}").get("result"))
        .isEqualTo(Map.of("path", "/disks/disk-1"));
    assertThat(handle("{\"method\":\"create_disk\",\"arguments\":[100,{},null],\"context\":{}}").get("result"))
        .isEqualTo("disk-1");
    handle("{\"method\":\"set_vm_metadata\",\"arguments\":[\"vm-1\",{\"index\":0,\"job\":\"web\"}],\"context\":{}}");
    assertThat(calls).contains(Map.of("index", "0", "job", "web"));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> object(Object value) {
    return (Map<String, Object>) value;
  }
}
