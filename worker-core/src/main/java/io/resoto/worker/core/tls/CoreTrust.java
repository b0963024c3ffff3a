package io.resoto.worker.core.tls;

import com.fasterxml.jackson.databind.JsonNode;
import io.resoto.worker.auth.PskJwt;
import io.resoto.worker.spi.Secret;
import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509TrustManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whom the worker trusts when it talks to an https core (reference §3.7): the CA of
 * {@code --ca-cert}, or the CA the core sends on {@code GET /ca/cert} once its SHA-256 fingerprint
 * matches the one in the PSK-signed token of the answer, in both cases together with the JVM's
 * default roots (the original bundles the core's CA with the public roots); or nobody checked at
 * all with {@code --no-verify-certs}. Host names are verified against the certificate, except with
 * {@code --no-verify-certs}.
 */
public final class CoreTrust {

  private static final Logger log = LoggerFactory.getLogger(CoreTrust.class);

  /** Why the worker does not trust the core; {@code config} when the arguments are the problem. */
  public static final class TrustException extends Exception {
    private static final long serialVersionUID = 1L;
    private final boolean config;

    public TrustException(String message, boolean config) {
      super(message);
      this.config = config;
    }

    public boolean isConfigProblem() {
      return config;
    }
  }

  /** The answer to {@code GET /ca/cert}: status, body, the Authorization header (or null). */
  public record CaAnswer(int status, String body, String authorization) {}

  private final SSLContext context;
  private final List<X509Certificate> ca;

  private CoreTrust(SSLContext context, List<X509Certificate> ca) {
    this.context = context;
    this.ca = List.copyOf(ca);
  }

  /** The context the HTTP client and the websockets use. */
  public SSLContext sslContext() {
    return context;
  }

  /** The core's CA certificate(s); empty with {@code --no-verify-certs}. */
  public List<X509Certificate> ca() {
    return ca;
  }

  /** False with {@code --no-verify-certs}. */
  public boolean verifies() {
    return !ca.isEmpty();
  }

  /** Trusts the CA(s) in a PEM file ({@code --ca-cert}) and the default roots. */
  public static CoreTrust fromFile(Path file) throws TrustException {
    String pem;
    try {
      pem = Files.readString(file, java.nio.charset.StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new TrustException("--ca-cert " + file + " cannot be read: "
          + (e instanceof java.nio.file.NoSuchFileException ? "no such file" : e.getMessage()), true);
    }
    List<X509Certificate> certs;
    try {
      certs = Pem.certificates(pem);
    } catch (IllegalArgumentException e) {
      throw new TrustException("--ca-cert " + file + ": " + e.getMessage(), true);
    }
    log.info("trusting the core's CA from {} ({}, SHA-256 {})", file,
        certs.get(0).getSubjectX500Principal().getName(), Pem.fingerprint(certs.get(0)));
    return new CoreTrust(verifying(certs), certs);
  }

  /**
   * Trusts the CA the core sent on {@code GET /ca/cert} (fetched without verification): with a
   * PSK only when the token in the answer's Authorization header is signed with the PSK and its
   * {@code sha256_fingerprint} is the received certificate's; without a PSK on first use, with a
   * warning, as the original does.
   */
  public static CoreTrust fromCore(CaAnswer answer, Secret psk, String coreUri, Clock clock) throws TrustException {
    String where = "GET " + coreUri + "/ca/cert";
    if (answer.status() != 200) {
      throw new TrustException(where + " answered HTTP " + answer.status()
          + ": the worker cannot get the core's CA; give it with --ca-cert", false);
    }
    List<X509Certificate> certs;
    try {
      certs = Pem.certificates(answer.body());
    } catch (IllegalArgumentException e) {
      throw new TrustException(where + ": the answer is " + e.getMessage() + "; give the core's CA with --ca-cert", false);
    }
    X509Certificate received = certs.get(0);
    String actual = Pem.fingerprint(received);
    if (psk == null) {
      log.warn("the worker has no PSK, so the CA the core sent ({}, SHA-256 {}) cannot be checked and is"
          + " trusted as received (trust on first use); give --psk or --ca-cert to be sure it is the core's",
          received.getSubjectX500Principal().getName(), actual);
      return new CoreTrust(verifying(List.of(received)), List.of(received));
    }
    String mitm = "; someone between the worker and the core may be impersonating it (man in the middle):"
        + " refusing to connect. If the core's CA is known, give it with --ca-cert";
    if (answer.authorization() == null || answer.authorization().isBlank()) {
      throw new TrustException(where + ": the answer carries no PSK-signed fingerprint of the CA (no Authorization"
          + " header), although the worker has a PSK: either the core runs without a PSK or the answer is not the"
          + " core's" + mitm, false);
    }
    JsonNode claims;
    try {
      claims = PskJwt.verifiedClaims(psk, answer.authorization(), clock);
    } catch (PskJwt.InvalidTokenException e) {
      throw new TrustException(where + ": the fingerprint token of the answer is not valid for the worker's PSK ("
          + e.getMessage() + "): either the PSK differs from the core's or the answer is not the core's" + mitm, false);
    }
    String expected = claims.path("sha256_fingerprint").asText("");
    if (expected.isEmpty()) {
      throw new TrustException(where + ": the signed token names no sha256_fingerprint" + mitm, false);
    }
    if (!normalize(expected).equals(normalize(actual))) {
      throw new TrustException(where + ": the CA received (SHA-256 " + actual + ") is not the one the core's"
          + " signed token names (SHA-256 " + expected + ")" + mitm, false);
    }
    log.info("trusting the core's CA {} (SHA-256 {}, matches the core's PSK-signed fingerprint)",
        received.getSubjectX500Principal().getName(), actual);
    return new CoreTrust(verifying(List.of(received)), List.of(received));
  }

  /** {@code --no-verify-certs}: any certificate, any host name. */
  public static CoreTrust none() {
    return new CoreTrust(trustingAnything(), List.of());
  }

  private static String normalize(String fingerprint) {
    return fingerprint.replace(":", "").strip().toUpperCase(Locale.ROOT);
  }

  /** The CA certificates and the JVM's default roots; host names verified (the JDK does it). */
  private static SSLContext verifying(List<X509Certificate> ca) throws TrustException {
    try {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int i = 0;
      for (X509Certificate c : ca) {
        store.setCertificateEntry("core-ca-" + i++, c);
      }
      TrustManagerFactory defaults = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      defaults.init((KeyStore) null);
      for (TrustManager tm : defaults.getTrustManagers()) {
        if (tm instanceof X509TrustManager x) {
          for (X509Certificate root : x.getAcceptedIssuers()) {
            store.setCertificateEntry("default-" + i++, root);
          }
        }
      }
      TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, f.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new TrustException("cannot set up TLS with the core's CA: " + e.getMessage(), false);
    }
  }

  /**
   * A context that accepts any certificate for any host: for {@code --no-verify-certs}, and for the
   * calls before the CA is known ({@code /system/ready}, {@code /ca/cert}), which carry no token.
   * An X509ExtendedTrustManager, so that the JDK does not add its own host name check.
   */
  public static SSLContext trustingAnything() {
    X509ExtendedTrustManager anything = new X509ExtendedTrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType) {}

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
      }
    };
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, new TrustManager[] {anything}, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is not available in this JVM", e);
    }
  }

  /** Whether the certificate was issued by one of the CA certificates (signature check only). */
  public boolean issued(X509Certificate certificate) {
    for (X509Certificate c : ca) {
      try {
        certificate.verify(c.getPublicKey());
        return true;
      } catch (GeneralSecurityException e) {
        // not this one
      }
    }
    return false;
  }
}
