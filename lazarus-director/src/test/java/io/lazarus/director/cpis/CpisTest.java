package io.lazarus.director.cpis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.CpiErrors;
import io.lazarus.cpi.CpiException;
import io.lazarus.cpi.CpiInfo;
import io.lazarus.cpi.CreatedVm;
import io.lazarus.cpi.DiskHint;
import io.lazarus.cpi.VmSpec;
import io.lazarus.director.configs.Config;
import io.lazarus.director.instances.PersistentDisk;
import io.lazarus.director.instances.Vm;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CpisTest {
  private final AtomicReference<List<Config>> stored = new AtomicReference<>(List.of());
  private final List<ClosableCpi> built = new ArrayList<>();
  private final ClosableCpi own = new ClosableCpi("local");
  private final Cpis cpis = new Cpis(own, stored::get, definition -> {
    ClosableCpi cpi = new ClosableCpi(definition.type() + ":" + definition.name());
    built.add(cpi);
    return cpi;
  });

  private void store(String content) {
    stored.set(List.of(new Config(stored.get().isEmpty() ? 1 : stored.get().getFirst().id() + 1, "cpi", "default", content, null, 0)));
  }

  private static Vm vm(String cid, String cpi) {
    return new Vm(1, 2L, "agent-1", cid, true, cpi, null, "u", "p", "sc/1", Instant.EPOCH);
  }

  @Test
  void withoutACpiConfigEverythingGoesToTheDirectorsOwnCpi() throws Exception {
    assertThat(cpis.named("local")).isSameAs(own);
    assertThat(cpis.named("")).isSameAs(own);
    assertThat(cpis.forVm(vm("vm-1", "local"))).isSameAs(own);
    assertThat(cpis.forDisk(new PersistentDisk(1, 2, "disk-1", 10, Map.of(), true, ""))).isSameAs(own);
    assertThat(cpis.names()).containsExactly("local");
    assertThat(cpis.isKnown("a")).isFalse();
    assertThatThrownBy(() -> cpis.named("a")).isInstanceOfSatisfying(CpiException.class, e -> assertThat(e.type()).isEqualTo(CpiErrors.CLOUD_ERROR))
        .hasMessage("CPI 'a' is not configured (the Director's own CPI is 'local', there is no cpi config)");
  }

  @Test
  void namesOfTheCpiConfigResolveToOneCpiEachBuiltOnce() throws Exception {
    store("cpis: [{name: a, type: dummy}, {name: b, type: local}]\n");

    Cpi a = cpis.named("a");
    assertThat(a.name()).isEqualTo("dummy:a");
    assertThat(cpis.named("a")).isSameAs(a);
    assertThat(cpis.forVm(vm("vm-9", "a"))).isSameAs(a);
    assertThat(cpis.named("b").name()).isEqualTo("local:b");
    assertThat(cpis.named("local")).isSameAs(own);
    assertThat(cpis.names()).containsExactly("local", "a", "b");
    assertThat(built).hasSize(2);
  }

  @Test
  void anUpdatedCpiConfigTakesEffectWithTheNextLookup() throws Exception {
    store("cpis: [{name: a, type: dummy}]\n");
    Cpi before = cpis.named("a");

    store("cpis: [{name: a, type: local}, {name: c, type: dummy}]\n");

    assertThat(cpis.named("a")).isNotSameAs(before);
    assertThat(cpis.named("a").name()).isEqualTo("local:a");
    assertThat(cpis.isKnown("c")).isTrue();
  }

  @Test
  void aVmOrDiskOfACpiNoLongerConfiguredIsAClearError() {
    store("cpis: [{name: a, type: dummy}]\n");

    assertThatThrownBy(() -> cpis.forVm(vm("vm-7", "gone")))
        .hasMessage("VM 'vm-7' was made by CPI 'gone', which is no longer configured (the Director's own CPI is 'local', the cpi config has a)");
    assertThatThrownBy(() -> cpis.forVm(vm(null, "gone"))).hasMessageStartingWith("VM of agent 'agent-1' was made by CPI 'gone'");
    assertThatThrownBy(() -> cpis.forDisk(new PersistentDisk(1, 2, "disk-3", 10, Map.of(), true, "gone")))
        .hasMessage("Disk 'disk-3' was made by CPI 'gone', which is no longer configured (the Director's own CPI is 'local', the cpi config has a)");
  }

  @Test
  void closingClosesEveryCpiItBuiltAndTheOwnOne() throws Exception {
    store("cpis: [{name: a, type: dummy}, {name: b, type: dummy}]\n");
    cpis.named("a");
    cpis.named("b");

    cpis.close();

    assertThat(built).hasSize(2).allSatisfy(cpi -> assertThat(cpi.closed).isTrue());
    assertThat(own.closed).isTrue();
  }

  /** A CPI that only has a name and knows whether it was closed; every call is NotImplemented. */
  private static final class ClosableCpi implements Cpi, AutoCloseable {
    private final String name;
    private boolean closed;

    ClosableCpi(String name) {
      this.name = name;
    }

    @Override
    public void close() {
      closed = true;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public CpiInfo info() throws CpiException {
      throw CpiErrors.notImplemented("info");
    }

    @Override
    public String createStemcell(Path image, Map<String, Object> cloudProperties) throws CpiException {
      throw CpiErrors.notImplemented("create_stemcell");
    }

    @Override
    public void deleteStemcell(String stemcellCid) throws CpiException {
      throw CpiErrors.notImplemented("delete_stemcell");
    }

    @Override
    public CreatedVm createVm(VmSpec spec) throws CpiException {
      throw CpiErrors.notImplemented("create_vm");
    }

    @Override
    public void deleteVm(String vmCid) throws CpiException {
      throw CpiErrors.notImplemented("delete_vm");
    }

    @Override
    public boolean hasVm(String vmCid) throws CpiException {
      throw CpiErrors.notImplemented("has_vm");
    }

    @Override
    public void rebootVm(String vmCid) throws CpiException {
      throw CpiErrors.notImplemented("reboot_vm");
    }

    @Override
    public void setVmMetadata(String vmCid, Map<String, String> metadata) throws CpiException {
      throw CpiErrors.notImplemented("set_vm_metadata");
    }

    @Override
    public String createDisk(int sizeMb, Map<String, Object> cloudProperties, String vmCid) throws CpiException {
      throw CpiErrors.notImplemented("create_disk");
    }

    @Override
    public void deleteDisk(String diskCid) throws CpiException {
      throw CpiErrors.notImplemented("delete_disk");
    }

    @Override
    public DiskHint attachDisk(String vmCid, String diskCid) throws CpiException {
      throw CpiErrors.notImplemented("attach_disk");
    }

    @Override
    public void detachDisk(String vmCid, String diskCid) throws CpiException {
      throw CpiErrors.notImplemented("detach_disk");
    }

    @Override
    public boolean hasDisk(String diskCid) throws CpiException {
      throw CpiErrors.notImplemented("has_disk");
    }
  }
}
