package io.resoto.worker.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.spi.Secret;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class PskJwtTest {

  private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
  private static final Secret PSK = Secret.of("changeme");

  @Test
  void acceptsATokenMintedByPythonWithTheSameDerivation() {
    // made with hashlib.pbkdf2_hmac("sha256", b"changeme", bytes(range(16)), 100000, 32) and HMAC-SHA256
    String python = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsInNhbHQiOiJBQUVDQXdRRkJnY0lDUW9MREEwT0R3PT0ifQ"
        + ".eyJleHAiOjQxMDI0NDQ4MDB9.10TC8bFpR_rU_JVZ0tj1hTYJTTEIgN5S--51VpI_ijs";
    assertThatCode(() -> PskJwt.verify(PSK, "Bearer " + python, NOW)).doesNotThrowAnyException();
    assertThatThrownBy(() -> PskJwt.verify(Secret.of("other"), python, NOW))
        .hasMessage("bad signature");
  }

  @Test
  void mintedTokensCarryASaltAnExpiryIn300sAndVerify() throws Exception {
    String token = PskJwt.mint(PSK, NOW);
    String[] parts = token.split("\\.");
    JsonNode header = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[0]));
    JsonNode payload = new ObjectMapper().readTree(Base64.getUrlDecoder().decode(parts[1]));
    assertThat(header.get("alg").asText()).isEqualTo("HS256");
    assertThat(Base64.getDecoder().decode(header.get("salt").asText())).hasSize(16);
    assertThat(payload.get("exp").asLong()).isEqualTo(NOW.instant().getEpochSecond() + 300);
    PskJwt.verify(PSK, token, NOW);
    assertThat(PskJwt.mint(PSK, NOW)).isNotEqualTo(token);
  }

  @Test
  void rejectsExpiredTamperedAndMalformedTokens() {
    String token = PskJwt.mint(PSK, NOW);
    Clock later = Clock.offset(NOW, java.time.Duration.ofSeconds(301));
    assertThatThrownBy(() -> PskJwt.verify(PSK, token, later)).hasMessage("expired");
    String[] p = token.split("\\.");
    String tampered = p[0] + "." + Base64.getUrlEncoder().withoutPadding()
        .encodeToString("{\"exp\":9999999999}".getBytes()) + "." + p[2];
    assertThatThrownBy(() -> PskJwt.verify(PSK, tampered, NOW)).hasMessage("bad signature");
    assertThatThrownBy(() -> PskJwt.verify(PSK, "abc", NOW)).hasMessage("not a JWT");
    assertThatThrownBy(() -> PskJwt.verify(PSK, null, NOW)).hasMessage("no token");
    assertThatThrownBy(() -> PskJwt.verify(PSK, "a.b.c", NOW)).hasMessage("malformed token");
  }
}
