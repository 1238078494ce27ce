package io.lazarus.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class QueryTest {
  @Test
  void keysAreSortedAndValuesFormEscapedLikeGo() {
    String path = Query.of().with("verbose", 2).with("state", "queued,processing").with("deployment", "my dep")
        .with("empty", "").flag("force", false).appendTo("/tasks");

    assertThat(path).isEqualTo("/tasks?deployment=my+dep&state=queued%2Cprocessing&verbose=2");
    assertThat(Query.of().appendTo("/tasks")).isEqualTo("/tasks");
    assertThat(Query.segment("a b/c")).isEqualTo("a%20b%2Fc");
  }

  @Test
  void directorUrlsAreAlwaysHttpsWithTheDefaultPort() {
    assertThat(DirectorUrl.parse("10.0.0.6")).isEqualTo(URI.create("https://10.0.0.6:25555"));
    assertThat(DirectorUrl.parse("http://director.example:8443/x")).isEqualTo(URI.create("https://director.example:8443"));
    assertThat(DirectorUrl.parse("[::1]:25556")).isEqualTo(URI.create("https://[::1]:25556"));
    assertThatThrownBy(() -> DirectorUrl.parse(" ")).hasMessage("Expected non-empty Director URL");
  }

  @Test
  void aCaCertWithoutCertificatesIsRefused() {
    assertThatThrownBy(() -> TlsContexts.trusting("-----BEGIN CERTIFICATE-----\nbm9wZQ==\n-----END CERTIFICATE-----\n"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("CA certificate");
  }
}
