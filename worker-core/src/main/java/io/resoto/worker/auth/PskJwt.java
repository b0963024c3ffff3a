package io.resoto.worker.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.spi.Secret;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pre-shared-key JWT of the Resoto core: HS256, signed with a key derived from the PSK by
 * PBKDF2-HMAC-SHA256 (100,000 iterations, 32 bytes) and a random 16-byte salt carried in the
 * token's header, expiring 300 s after it was minted. A fresh token is minted for every request.
 */
public final class PskJwt {

  /** How long a minted token is valid. */
  public static final long LIFETIME_SECONDS = 300;

  private static final int ITERATIONS = 100_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder B64URL_DECODE = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PskJwt() {}

  /** A new token for {@code Authorization: Bearer <token>}. */
  public static String mint(Secret psk, Clock clock) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    ObjectNode header = JSON.createObjectNode();
    header.put("typ", "JWT").put("alg", "HS256").put("salt", Base64.getEncoder().encodeToString(salt));
    ObjectNode payload = JSON.createObjectNode();
    payload.put("exp", clock.instant().getEpochSecond() + LIFETIME_SECONDS);
    String signingInput = encode(header) + "." + encode(payload);
    return signingInput + "." + B64URL.encodeToString(sign(psk, salt, signingInput));
  }

  /**
   * Checks a token (with or without the {@code Bearer } prefix). Throws
   * {@link InvalidTokenException} saying why it is not accepted; the message never contains the
   * PSK or the token.
   */
  public static void verify(Secret psk, String token, Clock clock) throws InvalidTokenException {
    decode(psk, token, clock, true);
  }

  /**
   * The claims of a token the core signed with the PSK, e.g. the {@code sha256_fingerprint} of
   * its CA on {@code GET /ca/cert} (reference §3.7). Checks the signature and, when the token has
   * one, its expiry; throws {@link InvalidTokenException} saying why it is not accepted.
   */
  public static JsonNode verifiedClaims(Secret psk, String token, Clock clock) throws InvalidTokenException {
    return decode(psk, token, clock, false);
  }

  private static JsonNode decode(Secret psk, String token, Clock clock, boolean requireExpiry)
      throws InvalidTokenException {
    if (token == null || token.isBlank()) {
      throw new InvalidTokenException("no token");
    }
    String jwt = token.startsWith("Bearer ") ? token.substring(7).trim() : token.trim();
    String[] parts = jwt.split("\\.", -1);
    if (parts.length != 3) {
      throw new InvalidTokenException("not a JWT");
    }
    JsonNode header;
    JsonNode payload;
    byte[] signature;
    try {
      header = JSON.readTree(B64URL_DECODE.decode(parts[0]));
      payload = JSON.readTree(B64URL_DECODE.decode(parts[1]));
      signature = B64URL_DECODE.decode(parts[2]);
    } catch (Exception e) {
      throw new InvalidTokenException("malformed token");
    }
    if (!"HS256".equals(header.path("alg").asText())) {
      throw new InvalidTokenException("unsupported algorithm");
    }
    byte[] salt;
    try {
      salt = Base64.getDecoder().decode(header.path("salt").asText(""));
    } catch (IllegalArgumentException e) {
      throw new InvalidTokenException("malformed salt");
    }
    if (salt.length == 0) {
      throw new InvalidTokenException("no salt in the header");
    }
    byte[] expected = sign(psk, salt, parts[0] + "." + parts[1]);
    if (!MessageDigest.isEqual(expected, signature)) {
      throw new InvalidTokenException("bad signature");
    }
    JsonNode exp = payload.get("exp");
    if (exp == null && !requireExpiry) {
      return payload;
    }
    if (exp == null || !exp.canConvertToLong()) {
      throw new InvalidTokenException("no expiry");
    }
    if (exp.asLong() < clock.instant().getEpochSecond()) {
      throw new InvalidTokenException("expired");
    }
    return payload;
  }

  private static String encode(JsonNode node) {
    try {
      return B64URL.encodeToString(JSON.writeValueAsBytes(node));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sign(Secret psk, byte[] salt, String input) {
    try {
      SecretKeyFactory kdf = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256");
      byte[] key =
          kdf.generateSecret(new PBEKeySpec(psk.reveal().toCharArray(), salt, ITERATIONS, 256))
              .getEncoded();
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(input.getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HS256 is not available in this JVM", e);
    }
  }

  /** A token that is not accepted, and why. */
  public static final class InvalidTokenException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidTokenException(String why) {
      super(why);
    }
  }
}
