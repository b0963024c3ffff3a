package io.resoto.worker.awssim.cli;

import io.resoto.worker.awssim.AwsSimulator;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.identity.EstateCredentials;
import io.resoto.worker.awssim.identity.IdentityApis;
import io.resoto.worker.awssim.imds.ImdsServer;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;

/**
 * A whole simulated AWS: the estate, its credentials, the AWS APIs on one port and the instance
 * metadata service on another, both on 127.0.0.1. What tests, benchmarks and the standalone
 * simulator start.
 */
public final class Simulation implements AutoCloseable {

  private final Estate estate;
  private final EstateCredentials credentials;
  private final AwsSimulator aws;
  private final ImdsServer imds;

  private Simulation(Estate estate, EstateCredentials credentials, AwsSimulator aws, ImdsServer imds) {
    this.estate = estate;
    this.credentials = credentials;
    this.aws = aws;
    this.imds = imds;
  }

  /** Starts on free ports with no faults. */
  public static Simulation start(Estate estate) throws IOException {
    return start(estate, 0, 0, new FaultPlan(), Clock.systemUTC());
  }

  /**
   * Starts the AWS APIs on {@code port} and the IMDS on {@code imdsPort} (0: a free port each).
   */
  public static Simulation start(Estate estate, int port, int imdsPort, FaultPlan faults, Clock clock)
      throws IOException {
    return start(estate, port, imdsPort, faults, clock, AwsSimulator.DEFAULT_THREADS);
  }

  /**
   * As {@link #start(Estate, int, int, FaultPlan, Clock)} with {@code threads} serving the AWS APIs:
   * with latency faults every call holds a thread for its latency, so a collector running many
   * calls at once needs more than the default.
   */
  public static Simulation start(Estate estate, int port, int imdsPort, FaultPlan faults, Clock clock, int threads)
      throws IOException {
    EstateCredentials credentials = new EstateCredentials(estate, clock);
    AwsSimulator aws = AwsSimulator.builder().port(port).credentials(credentials).faults(faults).clock(clock)
        .threads(threads).build();
    IdentityApis.registerAll(aws, estate, credentials, clock);
    io.resoto.worker.awssim.resources.ResourceApis.registerAll(aws,
        new io.resoto.worker.awssim.resources.ResourceStore(estate));
    aws.start();
    ImdsServer imds;
    try {
      imds = ImdsServer.start(estate, credentials, clock, imdsPort);
    } catch (RuntimeException e) {
      aws.close();
      throw e;
    }
    return new Simulation(estate, credentials, aws, imds);
  }

  public Estate estate() {
    return estate;
  }

  public EstateCredentials credentials() {
    return credentials;
  }

  /** The AWS APIs: register more handlers, read counters, change faults. */
  /** The estate's secret keys and every session credential minted so far (see {@link EstateCredentials#issuedSecrets()}). */
  public java.util.Set<String> issuedSecrets() {
    return credentials().issuedSecrets();
  }

  public AwsSimulator aws() {
    return aws;
  }

  /** The AWS endpoint, e.g. {@code http://127.0.0.1:4599}, for every service. */
  public URI endpoint() {
    return aws.endpoint();
  }

  /** The instance metadata service's base URL. */
  public String imdsEndpoint() {
    return imds.endpoint();
  }

  @Override
  public void close() {
    imds.close();
    aws.close();
  }
}
