package io.lazarus.director.cpis;

import static org.assertj.core.api.Assertions.assertThat;

import io.lazarus.cpi.Cpi;
import io.lazarus.cpi.dummy.DummyCpi;
import io.lazarus.cpi.external.ExternalCpi;
import io.lazarus.cpi.local.LocalCpi;
import io.lazarus.director.fixtures.TarballBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpiFactoryTest {
  @TempDir Path dir;

  @Test
  void eachNamedLocalCpiKeepsItsCloudInADirectoryOfItsOwn() throws Exception {
    CpiFactory factory = new CpiFactory(dir.resolve("local-clouds"), "director-uuid");
    Path image = new TarballBuilder().file("bosh/bin/bosh-agent", "#!/bin/sh\n").writeTo(dir.resolve("image"));

    Cpi east = factory.create(new CpiDefinition("east", "local", Optional.empty(), Map.of()));
    Cpi west = factory.create(new CpiDefinition("west", "local", Optional.empty(), Map.of()));
    String inEast = east.createStemcell(image, Map.of());

    assertThat(east).isInstanceOf(LocalCpi.class);
    assertThat(dir.resolve("local-clouds/east/stemcells").resolve(inEast)).isDirectory();
    assertThat(((LocalCpi) west).hasStemcell(inEast)).isFalse();
    assertThat(Files.exists(dir.resolve("local-clouds/west/stemcells").resolve(inEast))).isFalse();
  }

  @Test
  void buildsDummyAndExternalCpisTheExternalOneUnderItsConfigName() {
    CpiFactory factory = new CpiFactory(dir, "director-uuid");

    try (DummyCpi dummy = (DummyCpi) factory.create(new CpiDefinition("sim", "dummy", Optional.empty(), Map.of()))) {
      assertThat(dummy.vmCids()).isEmpty();
    }
    Cpi external = factory.create(new CpiDefinition("vsphere", "external", Optional.of(Path.of("/opt/cpi")), Map.of("host", "vc")));
    assertThat(external).isInstanceOf(ExternalCpi.class);
    assertThat(external.name()).isEqualTo("vsphere");
  }
}
