package io.resoto.worker.testcore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks a PSK token the way the core does (reference §3.6), written from the algorithm and not
 * from the worker's own code, so that a test passing against it shows the two agree: the header
 * names HS256 and carries a salt (standard Base64); the signing key is PBKDF2-HMAC-SHA256 of the
 * PSK with that salt, 100,000 iterations, 32 bytes; the signature is HMAC-SHA256 of
 * {@code base64url(header) "." base64url(payload)}; the payload's {@code exp} (epoch seconds) is not
 * in the past.
 */
final class PskVerifier {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String psk;
  private final Clock clock;

  PskVerifier(String psk, Clock clock) {
    this.psk = psk;
    this.clock = clock;
  }

  /**
   * A token the way the core signs its answers (the fingerprint of {@code GET /ca/cert}): the
   * payload's claims plus {@code exp} 300 s from now, header with a fresh salt.
   */
  static String mint(String psk, com.fasterxml.jackson.databind.node.ObjectNode claims, Clock clock) {
    try {
      byte[] salt = new byte[16];
      new java.security.SecureRandom().nextBytes(salt);
      com.fasterxml.jackson.databind.node.ObjectNode header = JSON.createObjectNode()
          .put("alg", "HS256").put("typ", "JWT").put("salt", Base64.getEncoder().encodeToString(salt));
      com.fasterxml.jackson.databind.node.ObjectNode payload = claims.deepCopy();
      payload.put("exp", clock.instant().getEpochSecond() + 300);
      Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
      String input = url.encodeToString(JSON.writeValueAsBytes(header)) + "."
          + url.encodeToString(JSON.writeValueAsBytes(payload));
      SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] key = pbkdf2.generateSecret(new PBEKeySpec(psk.toCharArray(), salt, 100_000, 32 * 8)).getEncoded();
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      return input + "." + url.encodeToString(hmac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Null when the token is accepted, else why not (never the token or the PSK). */
  String problem(String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return "no Authorization";
    }
    String value = authorization.strip();
    if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return "not a Bearer token";
    }
    String[] parts = value.substring(7).strip().split("\\.");
    if (parts.length != 3) {
      return "not a JWT";
    }
    try {
      Base64.Decoder url = Base64.getUrlDecoder();
      JsonNode header = JSON.readTree(url.decode(parts[0]));
      JsonNode payload = JSON.readTree(url.decode(parts[1]));
      if (!"HS256".equals(header.path("alg").asText())) {
        return "alg is not HS256";
      }
      if (!header.hasNonNull("salt")) {
        return "no salt";
      }
      byte[] salt = Base64.getDecoder().decode(header.get("salt").asText());
      SecretKeyFactory pbkdf2 = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] key = pbkdf2.generateSecret(new PBEKeySpec(psk.toCharArray(), salt, 100_000, 32 * 8)).getEncoded();
      Mac hmac = Mac.getInstance("HmacSHA256");
      hmac.init(new SecretKeySpec(key, "HmacSHA256"));
      byte[] expected = hmac.doFinal((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      if (!MessageDigest.isEqual(expected, url.decode(parts[2]))) {
        return "signature does not match the PSK";
      }
      if (!payload.path("exp").isNumber()) {
        return "no exp";
      }
      if (payload.get("exp").asLong() < clock.instant().getEpochSecond()) {
        return "expired";
      }
      return null;
    } catch (Exception e) {
      return "malformed token (" + e.getClass().getSimpleName() + ")";
    }
  }
}
