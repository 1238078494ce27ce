package io.lazarus.agent.transport.https;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BasicAuthTest {
  final BasicAuth auth = new BasicAuth("mbus", "s3cret");

  @Test
  void acceptsOnlyTheConfiguredUserAndPassword() {
    assertThat(auth.accepts("Basic " + BasicAuth.encode("mbus", "s3cret"))).isTrue();
    assertThat(auth.accepts("Basic " + BasicAuth.encode("mbus", "s3cre"))).isFalse();
    assertThat(auth.accepts("Basic " + BasicAuth.encode("other", "s3cret"))).isFalse();
    assertThat(auth.accepts(null)).isFalse();
    assertThat(auth.accepts("Bearer x")).isFalse();
  }
}
