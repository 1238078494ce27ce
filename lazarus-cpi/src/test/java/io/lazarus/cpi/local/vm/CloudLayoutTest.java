package io.lazarus.cpi.local.vm;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CloudLayoutTest {
  @Test
  void onlyWellFormedCidsBecomePaths() {
    assertThat(CloudLayout.isVmCid("vm-3f0c1b2a-0000-4000-8000-000000000001")).isTrue();
    assertThat(CloudLayout.isVmCid("vm-../../etc")).isFalse();
    assertThat(CloudLayout.isDiskCid("disk-3f0c1b2a-0000-4000-8000-000000000001")).isTrue();
    assertThat(CloudLayout.isDiskCid("vm-3f0c1b2a-0000-4000-8000-000000000001")).isFalse();
    assertThat(CloudLayout.isStemcellCid("sc-3f0c1b2a-0000-4000-8000-000000000001")).isTrue();
    assertThat(CloudLayout.isStemcellCid(null)).isFalse();
  }
}
