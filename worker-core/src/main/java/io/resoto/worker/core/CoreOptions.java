package io.resoto.worker.core;

import io.resoto.worker.core.tasks.TaskHandlerFactory;
import io.resoto.worker.core.tasks.WorkerTaskHandlers;
import io.resoto.worker.spi.Secret;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How to reach the core and who the worker is there.
 *
 * @param uri the core's base URI ({@code --resotocore-uri}), http or https
 * @param psk the pre-shared key ({@code --psk}), or null when the core runs without one
 * @param subscriberId {@code --subscriber-id}: the config id in the core and the base of the
 *     actions subscriber's id ({@code <id>-collector})
 * @param flavor Resoto or Fix names
 * @param caCert {@code --ca-cert}: the core's CA certificate(s) (PEM), or null to fetch the CA
 *     from the core (https core URIs only)
 * @param verifyCerts false with {@code --no-verify-certs}: the core's certificate is not verified
 * @param backoff waits between reconnects and retries
 * @param readyTimeout how long to wait for {@code /system/ready} at start
 * @param readyPoll how often to ask {@code /system/ready} while waiting
 * @param uploadAttempts attempts of a merge before it is left to the spool's retries, and of the
 *     graph creation and model upload before a collect fails
 * @param taskHandlers the handlers announced on the task queue
 * @param certificate {@code --cert}, {@code --cert-key}, {@code --cert-key-pass}: the web server's
 *     certificate and key, or null to have the core sign one (https core URIs only)
 * @param certCheck how often the web server's certificate is checked for renewal (default 60 s)
 */
public record CoreOptions(
    URI uri,
    Secret psk,
    String subscriberId,
    CoreFlavor flavor,
    Path caCert,
    boolean verifyCerts,
    Backoff backoff,
    Duration readyTimeout,
    Duration readyPoll,
    int uploadAttempts,
    TaskHandlerFactory taskHandlers,
    CertificateFiles certificate,
    Duration certCheck) {

  /**
   * The web server's certificate from files.
   *
   * @param cert PEM certificate (chain), leaf first
   * @param key PEM private key (PKCS#1 or PKCS#8, encrypted when {@code keyPass} is given)
   * @param keyPass the key's password, or null
   */
  public record CertificateFiles(Path cert, Path key, Secret keyPass) {
    public CertificateFiles {
      Objects.requireNonNull(cert, "cert");
      Objects.requireNonNull(key, "key");
    }

    @Override
    public String toString() {
      return "CertificateFiles[cert=" + cert + ", key=" + key + "]";
    }
  }

  public CoreOptions {
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(flavor, "flavor");
    if (subscriberId == null || subscriberId.isBlank()) {
      subscriberId = flavor.defaultSubscriberId();
    }
    if (psk != null && psk.isEmpty()) {
      psk = null;
    }
    backoff = backoff == null ? Backoff.DEFAULT : backoff;
    readyTimeout = readyTimeout == null ? Duration.ofSeconds(300) : readyTimeout;
    readyPoll = readyPoll == null ? Duration.ofSeconds(2) : readyPoll;
    uploadAttempts = uploadAttempts < 1 ? 3 : uploadAttempts;
    taskHandlers = taskHandlers == null ? WorkerTaskHandlers.INSTALLED : taskHandlers;
    certCheck = certCheck == null ? Duration.ofSeconds(60) : certCheck;
    String u = uri.toString();
    if (u.endsWith("/")) {
      uri = URI.create(u.replaceAll("/+$", ""));
    }
  }

  /** The defaults for a core at this URI: Resoto names, subscriber id resoto.worker. */
  public static CoreOptions of(URI uri, Secret psk) {
    return new CoreOptions(uri, psk, null, CoreFlavor.RESOTO, null, true, null, null, null, 0, null, null, null);
  }

  public CoreOptions withFlavor(CoreFlavor f, String subscriber) {
    return new CoreOptions(uri, psk, subscriber, f, caCert, verifyCerts, backoff, readyTimeout, readyPoll,
        uploadAttempts, taskHandlers, certificate, certCheck);
  }

  public CoreOptions withBackoff(Backoff b, Duration readyPollInterval) {
    return new CoreOptions(uri, psk, subscriberId, flavor, caCert, verifyCerts, b, readyTimeout,
        readyPollInterval, uploadAttempts, taskHandlers, certificate, certCheck);
  }

  public CoreOptions withReadyTimeout(Duration timeout) {
    return new CoreOptions(uri, psk, subscriberId, flavor, caCert, verifyCerts, backoff, timeout, readyPoll,
        uploadAttempts, taskHandlers, certificate, certCheck);
  }

  public CoreOptions withTaskHandlers(TaskHandlerFactory factory) {
    return new CoreOptions(uri, psk, subscriberId, flavor, caCert, verifyCerts, backoff, readyTimeout, readyPoll,
        uploadAttempts, factory, certificate, certCheck);
  }

  public CoreOptions withTls(Path ca, boolean verify) {
    return new CoreOptions(uri, psk, subscriberId, flavor, ca, verify, backoff, readyTimeout, readyPoll,
        uploadAttempts, taskHandlers, certificate, certCheck);
  }

  /** With the web server's certificate from files (null: the core signs one). */
  public CoreOptions withCertificate(CertificateFiles files) {
    return new CoreOptions(uri, psk, subscriberId, flavor, caCert, verifyCerts, backoff, readyTimeout, readyPoll,
        uploadAttempts, taskHandlers, files, certCheck);
  }

  /** With this interval between the checks whether the web server's certificate is due for renewal. */
  public CoreOptions withCertCheck(Duration interval) {
    return new CoreOptions(uri, psk, subscriberId, flavor, caCert, verifyCerts, backoff, readyTimeout, readyPoll,
        uploadAttempts, taskHandlers, certificate, interval);
  }

  /** True for an https core URI: TLS with the core and, unless no_tls, for the web server. */
  public boolean tls() {
    return "https".equalsIgnoreCase(uri.getScheme());
  }

  /** The id the actions channel subscribes with: {@code <subscriber id>-collector}. */
  public String actionsSubscriber() {
    return subscriberId + "-collector";
  }

  /** The id of the worker's config in the core: the subscriber id. */
  public String configId() {
    return subscriberId;
  }

  @Override
  public String toString() {
    // the PSK's own toString is redacted too; this keeps the record's printout short
    return "CoreOptions[uri=" + uri + ", subscriberId=" + subscriberId + ", flavor=" + flavor
        + ", psk=" + (psk == null ? "none" : Secret.REDACTED) + "]";
  }
}
