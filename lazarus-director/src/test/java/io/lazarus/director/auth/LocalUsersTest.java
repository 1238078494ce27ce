package io.lazarus.director.auth;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalUsersTest {
  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private final LocalUsers users =
      new LocalUsers(
          List.of(
              LocalUser.withPlainPassword("admin", "s3cret", true),
              LocalUser.withBcryptHash("viewer", BCrypt.withDefaults().hashToString(4, "look".toCharArray()), false)),
          Clock.systemUTC());

  @Test
  void plainAndBcryptPasswordsBothCheck() {
    assertThat(users.authenticate(basic("admin", "s3cret"))).contains(new Principal("admin", true));
    assertThat(users.authenticate(basic("viewer", "look"))).contains(new Principal("viewer", false));
    assertThat(users.authenticate(basic("viewer", "look"))).contains(new Principal("viewer", false));
  }

  @Test
  void anythingElseProvesNothing() {
    assertThat(users.authenticate(basic("admin", "S3cret"))).isEmpty();
    assertThat(users.authenticate(basic("viewer", "nope"))).isEmpty();
    assertThat(users.authenticate(basic("nobody", "s3cret"))).isEmpty();
    assertThat(users.authenticate("Basic !!!not-base64")).isEmpty();
    assertThat(users.authenticate("Basic " + Base64.getEncoder().encodeToString("no-colon".getBytes(StandardCharsets.UTF_8)))).isEmpty();
    assertThat(users.authenticate("Bearer abc")).isEmpty();
    assertThat(users.authenticate(null)).isEmpty();
  }
}
