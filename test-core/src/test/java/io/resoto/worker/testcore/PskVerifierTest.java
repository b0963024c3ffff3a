package io.resoto.worker.testcore;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PskVerifierTest {

  // Made with Python's hashlib.pbkdf2_hmac and hmac from the algorithm (PSK "changeme",
  // salt bytes 0..15, exp 2000000000): an implementation independent of this one and the worker's.
  private static final String TOKEN = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsInNhbHQiOiJBQUVDQXdRRkJnY0lDUW9MREEwT0R3PT0ifQ"
      + ".eyJleHAiOjIwMDAwMDAwMDB9.GGSuYUtsKmN5Z7LHS_Qwi319wWagVAMIBkHurYzJ7TE";

  private static Clock at(long epochSecond) {
    return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
  }

  @Test
  void acceptsATokenMadeWithTheAlgorithmByAnotherImplementation() {
    assertThat(new PskVerifier("changeme", at(1_900_000_000)).problem("Bearer " + TOKEN)).isNull();
  }

  @Test
  void refusesAnotherPskAnExpiredTokenAndGarbage() {
    assertThat(new PskVerifier("other", at(1_900_000_000)).problem("Bearer " + TOKEN))
        .isEqualTo("signature does not match the PSK");
    assertThat(new PskVerifier("changeme", at(2_000_000_001L)).problem("Bearer " + TOKEN)).isEqualTo("expired");
    assertThat(new PskVerifier("changeme", at(0)).problem(TOKEN)).isEqualTo("not a Bearer token");
    assertThat(new PskVerifier("changeme", at(0)).problem(null)).isEqualTo("no Authorization");
    assertThat(new PskVerifier("changeme", at(0)).problem("Bearer a.b")).isEqualTo("not a JWT");
  }
}
