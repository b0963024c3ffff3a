package io.resoto.worker.core.tls;

import io.resoto.worker.core.CoreClient;
import io.resoto.worker.core.CoreOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.SocketException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.attribute.FileTime;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The certificate the worker's web server serves with an https core (reference §3.7, §4): from
 * {@code --cert}/{@code --cert-key}, or a fresh RSA 2048 key whose CSR (CN = subscriber id, SANs =
 * the host's names and addresses, loopback included) the core signs on {@code POST /ca/sign}.
 *
 * <p>Renewal: every {@link CoreOptions#certCheck()} a signed certificate that has lived two
 * thirds of its validity is replaced by a newly signed one (a failure is logged and tried again at
 * the next check; the current certificate stays in use); certificate files are read again when
 * they changed. New TLS connections get the new certificate at once, without a restart of the
 * web server. (The original checks every 60 s as well, but its condition only fires a day after
 * expiry.)
 */
public final class WebCertificate implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WebCertificate.class);

  /** One key and its chain, under an alias of its own so that a handshake never mixes two. */
  private record Identity(String alias, PrivateKey key, X509Certificate[] chain) {
    X509Certificate leaf() {
      return chain[0];
    }
  }

  private final CoreClient client;
  private final CoreOptions.CertificateFiles files;
  private final Clock clock;
  private final SwitchingKeyManager keys = new SwitchingKeyManager();
  private final SSLContext context;
  private final ScheduledExecutorService checks;
  private int generation;
  private FileTime certModified;
  private FileTime keyModified;

  private WebCertificate(CoreClient client, Clock clock) throws IOException {
    this.client = client;
    this.files = client.options().certificate();
    this.clock = clock;
    keys.use(files == null ? sign() : read());
    try {
      context = SSLContext.getInstance("TLS");
      context.init(new KeyManager[] {keys}, null, null);
    } catch (GeneralSecurityException e) {
      throw new IOException("TLS is not available for the web server: " + e.getMessage(), e);
    }
    checks = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "web-certificate");
      t.setDaemon(true);
      return t;
    });
    long every = client.options().certCheck().toMillis();
    checks.scheduleWithFixedDelay(this::check, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * The web server's certificate for the worker of this (https) core client: read from the files,
   * or signed by the core. IOException with one line saying what failed.
   */
  public static WebCertificate obtain(CoreClient client, Clock clock) throws IOException {
    return new WebCertificate(client, clock);
  }

  /** The context for the web server; it always serves the current certificate. */
  public SSLContext sslContext() {
    return context;
  }

  /** The certificate served now. */
  public X509Certificate certificate() {
    return keys.current().leaf();
  }

  /** Renews or reloads when due (run by the schedule; for tests). */
  void check() {
    try {
      if (files != null) {
        if (!Files.getLastModifiedTime(files.cert()).equals(certModified)
            || !Files.getLastModifiedTime(files.key()).equals(keyModified)) {
          keys.use(read());
          log.info("web server certificate reloaded from {} (valid until {})", files.cert(), certificate().getNotAfter().toInstant());
        }
        return;
      }
      X509Certificate c = certificate();
      Instant from = c.getNotBefore().toInstant();
      Instant until = c.getNotAfter().toInstant();
      Instant due = from.plus(Duration.between(from, until).multipliedBy(2).dividedBy(3));
      if (!clock.instant().isBefore(due)) {
        keys.use(sign());
        log.info("web server certificate renewed by the core (valid until {})", certificate().getNotAfter().toInstant());
      }
    } catch (IOException | RuntimeException e) {
      log.warn("web server certificate not renewed: {}; trying again in {} s, the current one is valid until {}",
          e.getMessage(), client.options().certCheck().toSeconds(), certificate().getNotAfter().toInstant());
    }
  }

  private Identity read() throws IOException {
    try {
      certModified = Files.getLastModifiedTime(files.cert());
      keyModified = Files.getLastModifiedTime(files.key());
      List<X509Certificate> chain = Pem.certificates(Files.readString(files.cert(), StandardCharsets.US_ASCII));
      PrivateKey key = Pem.privateKey(Files.readString(files.key(), StandardCharsets.US_ASCII), files.keyPass());
      return new Identity("web-" + (++generation), key, chain.toArray(X509Certificate[]::new));
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IOException("--cert/--cert-key: " + e.getFile() + " does not exist", e);
    } catch (IllegalArgumentException e) {
      throw new IOException("--cert " + files.cert() + " / --cert-key " + files.key() + ": " + e.getMessage(), e);
    }
  }

  private Identity sign() throws IOException {
    KeyPair key;
    try {
      KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
      g.initialize(2048);
      key = g.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IOException("cannot make an RSA key: " + e.getMessage(), e);
    }
    String csr = Pem.csr(key, client.options().subscriberId(), hostNames(), addresses());
    HttpResponse<String> r;
    try {
      r = client.send(client.request("/ca/sign").header("Content-Type", "application/x-pem-file")
          .POST(HttpRequest.BodyPublishers.ofString(csr)).build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while the core signed the web server's certificate", e);
    } catch (IOException e) {
      throw new IOException("the core did not sign the web server's certificate (POST /ca/sign): "
          + CoreClient.describe(e), e);
    }
    if (r.statusCode() != 200) {
      throw new IOException("the core did not sign the web server's certificate: POST /ca/sign answered HTTP "
          + r.statusCode() + CoreClient.statusHint(r.statusCode()));
    }
    List<X509Certificate> chain;
    try {
      chain = Pem.certificates(r.body());
    } catch (IllegalArgumentException e) {
      throw new IOException("POST /ca/sign: the answer is " + e.getMessage(), e);
    }
    X509Certificate leaf = chain.get(0);
    if (!leaf.getPublicKey().equals(key.getPublic())) {
      throw new IOException("POST /ca/sign: the certificate the core sent is not for the worker's key");
    }
    CoreTrust trust = client.trust();
    if (trust != null && trust.verifies() && !trust.issued(leaf)) {
      throw new IOException("POST /ca/sign: the certificate the core sent is not issued by the core's CA");
    }
    List<X509Certificate> full = new ArrayList<>(chain);
    if (trust != null && full.size() == 1) {
      // serve the CA along, as servers do, so that clients with only the root still build the chain
      trust.ca().stream().filter(ca -> !ca.equals(leaf)).findFirst().ifPresent(full::add);
    }
    return new Identity("web-" + (++generation), key.getPrivate(), full.toArray(X509Certificate[]::new));
  }

  /** localhost and this host's name. */
  static List<String> hostNames() {
    Set<String> names = new LinkedHashSet<>();
    names.add("localhost");
    try {
      String host = InetAddress.getLocalHost().getHostName();
      if (host != null && !host.isBlank() && !host.contains(":") && !host.matches("[0-9.]+")) {
        names.add(host);
      }
    } catch (IOException e) {
      log.debug("no host name for the web server's certificate: {}", e.getMessage());
    }
    return List.copyOf(names);
  }

  /** The addresses of the interfaces that are up, and the loopback ones. */
  static List<InetAddress> addresses() {
    Set<InetAddress> all = new LinkedHashSet<>();
    all.add(InetAddress.getLoopbackAddress());
    try {
      all.add(InetAddress.getByName("127.0.0.1"));
      all.add(InetAddress.getByName("::1"));
      for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
        if (n.isUp()) {
          all.addAll(Collections.list(n.getInetAddresses()));
        }
      }
    } catch (IOException e) {
      log.debug("interfaces not listed for the web server's certificate: {}", e.getMessage());
    }
    return List.copyOf(all);
  }

  @Override
  public void close() {
    checks.shutdownNow();
  }

  /** Serves the current identity; a handshake that chose an alias gets that one's key and chain. */
  private static final class SwitchingKeyManager extends X509ExtendedKeyManager {
    private final Map<String, Identity> recent = Collections.synchronizedMap(new LinkedHashMap<>());
    private volatile Identity current;

    void use(Identity identity) {
      recent.put(identity.alias(), identity);
      // keep the one before for handshakes under way
      while (recent.size() > 2) {
        recent.remove(recent.keySet().iterator().next());
      }
      current = identity;
    }

    Identity current() {
      return current;
    }

    private String alias(String keyType) {
      Identity id = current;
      return keyType == null || keyType.equalsIgnoreCase(id.key().getAlgorithm()) ? id.alias() : null;
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
      return alias(keyType);
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return alias(keyType);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      String a = alias(keyType);
      return a == null ? null : new String[] {a};
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      Identity id = recent.get(alias);
      return id == null ? null : id.chain().clone();
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      Identity id = recent.get(alias);
      return id == null ? null : id.key();
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      return null;
    }
  }
}
