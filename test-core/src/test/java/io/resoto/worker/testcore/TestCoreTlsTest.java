package io.resoto.worker.testcore;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Base64;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The test core over HTTPS: its CA, the signed fingerprint on GET /ca/cert, its faults, POST /ca/sign's auth. */
class TestCoreTlsTest {

  private static final String PSK = "tls-psk";
  private TestCore core;
  private HttpClient trusting;

  @BeforeEach
  void start() throws Exception {
    core = TestCore.start(TestCore.Options.psk(PSK).withTls());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", core.ca().certificate());
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, f.getTrustManagers(), null);
    trusting = HttpClient.newBuilder().sslContext(context).build();
  }

  @AfterEach
  void stop() throws Exception {
    core.close();
  }

  private HttpResponse<String> get(HttpClient client, String path) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(core.uri() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static X509Certificate parse(String pem) throws Exception {
    return (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
  }

  private static String fingerprintClaim(String authorization) throws Exception {
    String payload = authorization.substring(7).split("\\.")[1];
    return new ObjectMapper().readTree(Base64.getUrlDecoder().decode(payload)).path("sha256_fingerprint").asText();
  }

  @Test
  void servesHttpsFor127001WithItsCaAndSignsTheFingerprintWithThePsk() throws Exception {
    assertThat(core.uri().toString()).startsWith("https://127.0.0.1:");
    HttpResponse<String> r = get(trusting, "/ca/cert");
    assertThat(r.statusCode()).isEqualTo(200);
    X509Certificate ca = parse(r.body());
    assertThat(ca).isEqualTo(core.ca().certificate());
    String auth = r.headers().firstValue("Authorization").orElseThrow();
    assertThat(new PskVerifier(PSK, Clock.systemUTC()).problem(auth)).isNull();
    assertThat(fingerprintClaim(auth)).isEqualTo(TestCa.fingerprint(ca)).matches("([0-9A-F]{2}:){31}[0-9A-F]{2}");
  }

  @Test
  void aClientWithoutTheCaCannotConnect() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> get(HttpClient.newHttpClient(), "/system/ready"))
        .isInstanceOf(SSLHandshakeException.class);
  }

  @Test
  void faultsServeAnotherCaOmitTheTokenOrForgeIt() throws Exception {
    core.caFault(TestCore.CaFault.OTHER_CA);
    HttpResponse<String> other = get(trusting, "/ca/cert");
    assertThat(parse(other.body())).isNotEqualTo(core.ca().certificate());
    assertThat(fingerprintClaim(other.headers().firstValue("Authorization").orElseThrow()))
        .isEqualTo(core.ca().fingerprint());

    core.caFault(TestCore.CaFault.NO_TOKEN);
    assertThat(get(trusting, "/ca/cert").headers().firstValue("Authorization")).isEmpty();

    core.caFault(TestCore.CaFault.FORGED_TOKEN);
    String forged = get(trusting, "/ca/cert").headers().firstValue("Authorization").orElseThrow();
    assertThat(new PskVerifier(PSK, Clock.systemUTC()).problem(forged)).isEqualTo("signature does not match the PSK");
  }

  @Test
  void signingNeedsTheTokenAndACsr() throws Exception {
    HttpResponse<String> anonymous = trusting.send(HttpRequest.newBuilder(URI.create(core.uri() + "/ca/sign"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    HttpResponse<String> garbage = trusting.send(HttpRequest.newBuilder(URI.create(core.uri() + "/ca/sign"))
        .header("Authorization", "Bearer " + TestCoreTest.token(PSK))
        .POST(HttpRequest.BodyPublishers.ofString("not a csr")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(garbage.statusCode()).isEqualTo(400);
    assertThat(core.signed()).isEmpty();
  }
}
