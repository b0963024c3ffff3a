package io.resoto.worker.awssim.auth;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CredentialStore;
import io.resoto.worker.awssim.KeyRecord;
import io.resoto.worker.awssim.protocol.Codecs;
import io.resoto.worker.awssim.protocol.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Verifies AWS Signature Version 4 exactly as AWS does: it rebuilds the canonical request from
 * what arrived (the path URI-encoded once more for every service but S3, whose SDK signs the path
 * as sent), derives the signing key from the secret the {@link CredentialStore} holds and compares
 * signatures in constant time. Temporary credentials must carry their session token and must not
 * have expired by the simulator's clock.
 *
 * <p>Not checked: the request time against the clock (tests run on fixed clocks while the SDK
 * signs with the real time), the chunk signatures of S3's streaming uploads (the seed signature
 * is), and presigned URLs (signatures in the query string) are refused as unauthenticated.
 */
public final class SigV4Verifier {
  private static final String ALGORITHM = "AWS4-HMAC-SHA256";
  private static final HexFormat HEX = HexFormat.of();
  private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });
  private static final ThreadLocal<Mac> HMAC = ThreadLocal.withInitial(() -> {
    try {
      return Mac.getInstance("HmacSHA256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  });

  private final CredentialStore credentials;
  private final Clock clock;
  private final Map<String, byte[]> signingKeys = new ConcurrentHashMap<>();

  public SigV4Verifier(CredentialStore credentials, Clock clock) {
    this.credentials = credentials;
    this.clock = clock;
  }

  /** The parts of an {@code Authorization} header. */
  public record Authorization(String accessKeyId, String date, String region, String service,
      List<String> signedHeaders, String signature) {

    /** The credential scope: date/region/service/aws4_request. */
    public String scope() {
      return date + "/" + region + "/" + service + "/aws4_request";
    }
  }

  /**
   * Reads the Authorization header without verifying it, so the caller learns the service and
   * region to route and render errors with.
   *
   * @throws AwsError 403 MissingAuthenticationToken when absent, 403 IncompleteSignature when garbled
   */
  public static Authorization parse(HttpRequest req) {
    String header = req.header("authorization");
    if (header == null || header.isBlank()) {
      throw AwsError.of(403, "MissingAuthenticationToken", "Request is missing Authentication Token");
    }
    String h = header.trim();
    if (!h.startsWith(ALGORITHM + " ")) {
      throw incomplete("Unsupported authorization type");
    }
    String credential = null;
    String signed = null;
    String signature = null;
    for (String part : h.substring(ALGORITHM.length()).split(",")) {
      String p = part.trim();
      int eq = p.indexOf('=');
      if (eq < 0) {
        throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
      }
      String k = p.substring(0, eq).trim();
      String v = p.substring(eq + 1).trim();
      switch (k) {
        case "Credential" -> credential = v;
        case "SignedHeaders" -> signed = v;
        case "Signature" -> signature = v;
        default -> { }
      }
    }
    if (credential == null || signed == null || signature == null || signed.isEmpty()) {
      throw incomplete("Authorization header requires 'Credential', 'SignedHeaders' and 'Signature'");
    }
    String[] scope = credential.split("/");
    if (scope.length != 5 || !"aws4_request".equals(scope[4]) || scope[1].length() != 8) {
      throw incomplete("Credential should be scoped to a valid region, not '" + credential + "'");
    }
    return new Authorization(scope[0], scope[1], scope[2], scope[3], List.of(signed.split(";")), signature);
  }

  private static AwsError incomplete(String message) {
    return AwsError.of(403, "IncompleteSignature", message);
  }

  /**
   * Verifies a request's signature.
   *
   * @param uriEncodeOnce true for S3, whose canonical URI is the path as sent
   * @return the key that signed the request
   * @throws AwsError INVALID_CLIENT_TOKEN, SIGNATURE_DOES_NOT_MATCH or EXPIRED_TOKEN
   */
  public KeyRecord verify(HttpRequest req, Authorization auth, boolean uriEncodeOnce) {
    Optional<KeyRecord> found = credentials.find(auth.accessKeyId());
    if (found.isEmpty()) {
      throw AwsError.of(AwsError.Kind.INVALID_CLIENT_TOKEN,
          "The security token included in the request is invalid.");
    }
    KeyRecord key = found.get();
    String token = req.header("x-amz-security-token");
    if (key.sessionToken() != null || token != null) {
      if (key.sessionToken() == null || token == null || !MessageDigest.isEqual(
          key.sessionToken().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
        throw AwsError.of(AwsError.Kind.INVALID_CLIENT_TOKEN,
            "The security token included in the request is invalid.");
      }
    }
    String amzDate = req.header("x-amz-date");
    if (amzDate == null || amzDate.length() < 8 || !amzDate.startsWith(auth.date())) {
      throw AwsError.of(403, "IncompleteSignature", "X-Amz-Date is missing or does not match the credential scope");
    }
    String declared = req.header("x-amz-content-sha256");
    if (declared != null && declared.length() == 64 && !declared.equalsIgnoreCase(hex(sha256(req.body())))) {
      throw AwsError.of(400, "XAmzContentSHA256Mismatch",
          "The provided 'x-amz-content-sha256' header does not match what was computed.");
    }
    String canonical = canonicalRequest(req, auth, uriEncodeOnce);
    String stringToSign = ALGORITHM + "\n" + amzDate + "\n" + auth.scope() + "\n" + hex(sha256(canonical));
    byte[] expected = HEX.formatHex(hmac(signingKey(key.secretAccessKey(), auth), stringToSign))
        .getBytes(StandardCharsets.US_ASCII);
    if (!MessageDigest.isEqual(expected, auth.signature().getBytes(StandardCharsets.US_ASCII))) {
      throw AwsError.of(AwsError.Kind.SIGNATURE_DOES_NOT_MATCH,
          "The request signature we calculated does not match the signature you provided. "
              + "Check your AWS Secret Access Key and signing method.");
    }
    if (key.expiration() != null && !clock.instant().isBefore(key.expiration())) {
      throw AwsError.of(AwsError.Kind.EXPIRED_TOKEN, "The security token included in the request is expired");
    }
    return key;
  }

  /** The canonical request of SigV4 (exposed for tests). */
  public static String canonicalRequest(HttpRequest req, Authorization auth, boolean uriEncodeOnce) {
    StringBuilder sb = new StringBuilder(512);
    sb.append(req.method()).append('\n');
    String path = req.rawPath() == null || req.rawPath().isEmpty() ? "/" : req.rawPath();
    sb.append(uriEncodeOnce ? path : Codecs.uriEncode(path, true)).append('\n');
    sb.append(canonicalQuery(req.rawQuery())).append('\n');
    for (String name : auth.signedHeaders()) {
      List<String> values = req.headers().get(name);
      sb.append(name).append(':');
      if (values != null) {
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          sb.append(foldSpaces(values.get(i)));
        }
      }
      sb.append('\n');
    }
    sb.append('\n').append(String.join(";", auth.signedHeaders())).append('\n');
    String payloadHash = req.header("x-amz-content-sha256");
    sb.append(payloadHash != null ? payloadHash : hex(sha256(req.body())));
    return sb.toString();
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String k = Codecs.percentDecode(eq < 0 ? part : part.substring(0, eq));
      String v = eq < 0 ? "" : Codecs.percentDecode(part.substring(eq + 1));
      pairs.add(new String[] {Codecs.uriEncode(k, false), Codecs.uriEncode(v, false)});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    StringBuilder sb = new StringBuilder();
    for (String[] p : pairs) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(p[0]).append('=').append(p[1]);
    }
    return sb.toString();
  }

  private static String foldSpaces(String v) {
    String t = v.trim();
    if (t.indexOf("  ") < 0) {
      return t;
    }
    return t.replaceAll(" {2,}", " ");
  }

  private byte[] signingKey(String secret, Authorization auth) {
    String cacheKey = secret + '\n' + auth.scope();
    byte[] key = signingKeys.get(cacheKey);
    if (key == null) {
      if (signingKeys.size() > 10_000) {
        signingKeys.clear();
      }
      byte[] k = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), auth.date());
      k = hmac(k, auth.region());
      k = hmac(k, auth.service());
      key = hmac(k, "aws4_request");
      signingKeys.put(cacheKey, key);
    }
    return key;
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = HMAC.get();
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (java.security.InvalidKeyException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] sha256(String s) {
    return sha256(s.getBytes(StandardCharsets.UTF_8));
  }

  private static byte[] sha256(byte[] b) {
    MessageDigest md = SHA256.get();
    md.reset();
    return md.digest(b);
  }

  private static String hex(byte[] b) {
    return HEX.formatHex(b);
  }

  /** Whether the payload hash header names one of S3's unsigned or streaming payload modes. */
  public static boolean isStreamingPayload(String contentSha256) {
    return contentSha256 != null && contentSha256.startsWith("STREAMING-");
  }

  /**
   * Strips aws-chunked framing ({@code hex-size[;chunk-signature=...]\r\n data \r\n}, trailers
   * after the last, empty chunk) from a streaming upload's body.
   */
  public static byte[] dechunk(byte[] body) {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(body.length);
    int i = 0;
    while (i < body.length) {
      int eol = indexOfCrlf(body, i);
      if (eol < 0) {
        break;
      }
      String header = new String(body, i, eol - i, StandardCharsets.US_ASCII);
      int semi = header.indexOf(';');
      int size = Integer.parseInt((semi < 0 ? header : header.substring(0, semi)).trim(), 16);
      i = eol + 2;
      if (size == 0) {
        break;
      }
      out.write(body, i, Math.min(size, body.length - i));
      i += size + 2;
    }
    return out.toByteArray();
  }

  private static int indexOfCrlf(byte[] b, int from) {
    for (int i = from; i + 1 < b.length; i++) {
      if (b[i] == '\r' && b[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }
}
