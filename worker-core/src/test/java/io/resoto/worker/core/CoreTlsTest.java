package io.resoto.worker.core;

import static io.resoto.worker.core.CoreHarness.PSK;
import static io.resoto.worker.core.CoreHarness.WAIT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.resoto.worker.core.tls.Pem;
import io.resoto.worker.daemon.StartupException;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.TestCa;
import io.resoto.worker.testcore.TestCore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSession;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * TLS with an https core over real TLS (reference §3.7): the CA fetched and pinned by its
 * PSK-signed fingerprint, {@code --ca-cert}, {@code --no-verify-certs}, a man in the middle, and
 * the web server's HTTPS with the certificate the core signs.
 */
class CoreTlsTest {

  @TempDir Path dir;
  private CoreHarness h;
  private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

  @BeforeEach
  void captureLogs() {
    logs.start();
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).addAppender(logs);
  }

  @AfterEach
  void stop() throws Exception {
    ((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME)).detachAppender(logs);
    if (h != null) {
      h.close();
    }
    for (ILoggingEvent e : logs.list) {
      assertThat(e.getFormattedMessage()).doesNotContain(PSK);
    }
  }

  private CoreHarness tlsCore() throws Exception {
    h = new CoreHarness(dir, TestCore.Options.psk(PSK).withTls());
    return h;
  }

  /** An HTTPS client that trusts only the test core's CA (host names verified). */
  private HttpClient trustingTheCoresCa() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setCertificateEntry("ca", h.core.ca().certificate());
    TrustManagerFactory f = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    f.init(store);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, f.getTrustManagers(), null);
    return HttpClient.newBuilder().sslContext(context).build();
  }

  private X509Certificate servedCertificate(HttpResponse<?> r) throws Exception {
    SSLSession session = r.sslSession().orElseThrow();
    return (X509Certificate) session.getPeerCertificates()[0];
  }

  private HttpResponse<String> get(HttpClient client, String url) throws Exception {
    return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
  }

  private String logText() {
    return String.join("\n", logs.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
  }

  @Test
  void pinsTheCaTheCoreSignedTheFingerprintOfAndCollectsOverHttpsAndWss() throws Exception {
    tlsCore().start("  collector: [demo]\n");
    h.awaitConnected();
    h.core.collect("task-tls");
    Await.until("the graph arrived and the action is answered", WAIT,
        () -> h.core.uploads("task-tls").size() == 1 && h.core.answers("task-tls").size() == 1);
    assertThat(h.core.answers("task-tls").get(0).path("kind").asText()).isEqualTo("action_done");
    assertThat(h.core.count("GET", "/ca/cert")).isEqualTo(1);
    assertThat(h.core.authFailures()).isEmpty();
    assertThat(logText()).contains("matches the core's PSK-signed fingerprint");

    // the web server serves HTTPS with a certificate the core signed: CN = subscriber id, loopback SANs
    HttpResponse<String> health = get(trustingTheCoresCa(), "https://127.0.0.1:" + h.worker.webPort() + "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    X509Certificate served = servedCertificate(health);
    assertThat(h.core.signed()).hasSize(1);
    assertThat(served).isEqualTo(h.core.signed().get(0));
    assertThat(served.getSubjectX500Principal().getName()).isEqualTo("CN=resoto.worker");
    assertThat(TestCa.subjectAlternativeNames(served)).contains("DNS:localhost", "IP:127.0.0.1");
    assertThat(TestCa.subjectAlternativeNames(served)).anyMatch(n -> n.startsWith("IP:0:0:0:0:0:0:0:1"));
    assertThat(logText()).containsPattern("web server listening on 127.0.0.1:[0-9]+ \\(HTTPS\\)");
  }

  @Test
  void workerTriggerReachesTheHttpsWebServerWithTheCoresCa() throws Exception {
    tlsCore().start("  collector: [demo]\n");
    Path ca = Files.writeString(dir.resolve("ca.pem"), h.core.ca().pem());
    String url = "https://127.0.0.1:" + h.worker.webPort();
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    int withoutCa = io.resoto.worker.cli.WorkerCli.run(new String[] {"trigger", "--url", url, "--psk", PSK},
        java.util.Map.of(), CoreHarness.REGISTRY, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    assertThat(withoutCa).isEqualTo(1);
    assertThat(err.toString()).startsWith("error: cannot reach the worker at " + url);
    int withCa = io.resoto.worker.cli.WorkerCli.run(
        new String[] {"trigger", "--url", url, "--psk", PSK, "--ca-cert", ca.toString()},
        java.util.Map.of(), CoreHarness.REGISTRY, new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true));
    assertThat(withCa).as(err.toString()).isZero();
    assertThat(out.toString()).startsWith("collect ");
  }

  @Test
  void aCaThatIsNotTheOneTheSignedFingerprintNamesStopsTheStartBeforeAnyTokenIsSent() throws Exception {
    tlsCore().core.caFault(TestCore.CaFault.OTHER_CA);
    assertThatThrownBy(() -> h.start(""))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("/ca/cert: the CA received (SHA-256 ")
        .hasMessageContaining("is not the one the core's signed token names (SHA-256 " + h.core.ca().fingerprint() + ")")
        .hasMessageContaining("man in the middle")
        .satisfies(e -> assertThat(((StartupException) e).exitCode()).isEqualTo(1));
    assertThat(h.core.authorizations()).as("no token went to a server that is not verified").isEmpty();
    assertThat(h.core.requests()).allMatch(r -> r.startsWith("GET /system/ready ") || r.startsWith("GET /ca/cert "));
  }

  @Test
  void anAnswerWithoutTheSignedFingerprintIsRefusedWhenTheWorkerHasAPsk() throws Exception {
    tlsCore().core.caFault(TestCore.CaFault.NO_TOKEN);
    assertThatThrownBy(() -> h.start(""))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("the answer carries no PSK-signed fingerprint of the CA (no Authorization header)")
        .hasMessageContaining("man in the middle");
    assertThat(h.core.authorizations()).isEmpty();
  }

  @Test
  void aFingerprintTokenNotSignedWithThePskIsRefused() throws Exception {
    tlsCore().core.caFault(TestCore.CaFault.FORGED_TOKEN);
    assertThatThrownBy(() -> h.start(""))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("the fingerprint token of the answer is not valid for the worker's PSK (bad signature)");
    assertThat(h.core.authorizations()).isEmpty();
  }

  @Test
  void withoutAPskTheCaIsTrustedOnFirstUseWithAWarning() throws Exception {
    h = new CoreHarness(dir, TestCore.Options.psk(null).withTls());
    h.psk = null;
    h.start("");
    h.awaitConnected();
    assertThat(logs.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
        && e.getFormattedMessage().contains("trusted as received (trust on first use)"));
  }

  @Test
  void aCaCertFileIsTrustedWithoutAskingTheCore() throws Exception {
    tlsCore();
    Path ca = Files.writeString(dir.resolve("ca.pem"), h.core.ca().pem());
    // the core would answer with someone else's CA: not asked
    h.core.caFault(TestCore.CaFault.OTHER_CA);
    h.coreOptions = o -> o.withTls(ca, true);
    h.start("");
    h.awaitConnected();
    assertThat(h.core.count("GET", "/ca/cert")).isZero();
    assertThat(get(trustingTheCoresCa(), "https://127.0.0.1:" + h.worker.webPort() + "/health").statusCode())
        .isEqualTo(200);
  }

  @Test
  void aCaCertFileOfAnotherCaFailsTheHandshakeAndNoVerifyCertsAcceptsAnyCertificate() throws Exception {
    tlsCore();
    Path other = Files.writeString(dir.resolve("other.pem"), TestCa.create("not the core's CA").pem());
    h.coreOptions = o -> o.withTls(other, true);
    assertThatThrownBy(() -> h.start(""))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("the core did not sign the web server's certificate (POST /ca/sign): TLS handshake failed");
    assertThat(h.core.authorizations()).as("the handshake failed before any request").isEmpty();

    h.coreOptions = o -> o.withTls(other, false);
    h.start("");
    h.awaitConnected();
    assertThat(logs.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.WARN
        && e.getFormattedMessage().startsWith("--no-verify-certs: the core's certificate is not verified"));
  }

  @Test
  void noTlsKeepsTheWebServerOnPlainHttp() throws Exception {
    tlsCore().start("  no_tls: true\n");
    h.awaitConnected();
    HttpResponse<String> health = get(HttpClient.newHttpClient(), "http://127.0.0.1:" + h.worker.webPort() + "/health");
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(h.core.signed()).isEmpty();
  }

  @Test
  void certificateFilesWithAnEncryptedKeyAreServedInsteadOfASignedOne() throws Exception {
    tlsCore();
    KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
    g.initialize(2048);
    KeyPair key = g.generateKeyPair();
    X509Certificate cert = h.core.ca().sign(
        Pem.csr(key, "given", List.of("localhost"), List.of(java.net.InetAddress.getByName("127.0.0.1"))),
        Duration.ofDays(1));
    Path certFile = Files.writeString(dir.resolve("cert.pem"), TestCa.pem(cert));
    java.io.StringWriter keyPem = new java.io.StringWriter();
    try (JcaPEMWriter w = new JcaPEMWriter(keyPem)) {
      w.writeObject(new JcaPKCS8Generator(key.getPrivate(),
          new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
              .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
              .setPassword("key-pass-9d2f".toCharArray()).build()));
    }
    Path keyFile = Files.writeString(dir.resolve("cert.key"), keyPem.toString());

    h.coreOptions = o -> o.withCertificate(new CoreOptions.CertificateFiles(certFile, keyFile, Secret.of("wrong-pass")));
    assertThatThrownBy(() -> h.start(""))
        .isInstanceOf(StartupException.class)
        .hasMessageContaining("cannot decrypt the private key: is the password (--cert-key-pass) right?")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("wrong-pass"));

    h.coreOptions = o -> o.withCertificate(new CoreOptions.CertificateFiles(certFile, keyFile, Secret.of("key-pass-9d2f")));
    h.start("");
    HttpResponse<String> health = get(trustingTheCoresCa(), "https://127.0.0.1:" + h.worker.webPort() + "/health");
    assertThat(servedCertificate(health)).isEqualTo(cert);
    assertThat(h.core.signed()).as("nothing signed by the core").isEmpty();
  }

  @Test
  void aSignedCertificateIsRenewedBeforeItExpiresAndServedWithoutARestart() throws Exception {
    tlsCore().core.signedValidity(Duration.ofSeconds(3));
    h.coreOptions = o -> o.withCertCheck(Duration.ofMillis(100));
    h.start("");
    int port = h.worker.webPort();
    X509Certificate first = h.core.signed().get(0);
    Await.until("the certificate is renewed", WAIT, () -> h.core.signed().size() >= 2);
    HttpClient client = trustingTheCoresCa();
    Await.until("the renewed certificate is served", WAIT, () -> {
      try {
        // a new client: a fresh handshake, no resumed session
        X509Certificate served = servedCertificate(get(trustingTheCoresCa(), "https://127.0.0.1:" + port + "/health"));
        return !served.equals(first) && h.core.signed().contains(served);
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(get(client, "https://127.0.0.1:" + port + "/health").statusCode()).isEqualTo(200);
    assertThat(logText()).contains("web server certificate renewed by the core");
  }
}
