package io.resoto.worker.awssim.resources;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The simulator with the demo estate, and real SDK clients of it signed with the demo key of
 * account 111111111111 (the collector user). Each instance is a fresh simulation, so writes made by
 * one test are not seen by another. Clients do not retry: each call is one request.
 */
public final class DemoSimulation implements AutoCloseable {
  /** The demo estate, parsed once: estates are immutable, the store built from one is not shared. */
  public static final Estate DEMO = Estate.demo();
  public static final String ACCOUNT = "111111111111";
  private static final String KEY = "AKIADEMO00000000000A";
  private static final String SECRET = "demo-secret-0000000000000000000000000000";

  private final Simulation sim;

  public DemoSimulation() {
    try {
      sim = Simulation.start(DEMO);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Simulation sim() {
    return sim;
  }

  public Ec2Client ec2() {
    return ec2(Region.US_EAST_1);
  }

  public Ec2Client ec2(Region region) {
    return client(Ec2Client.builder(), region);
  }

  public IamClient iam() {
    return client(IamClient.builder(), Region.AWS_GLOBAL);
  }

  public S3Client s3() {
    return client(S3Client.builder().forcePathStyle(true), Region.US_EAST_1);
  }

  private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, Region region) {
    return builder.endpointOverride(sim.endpoint()).region(region)
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET)))
        .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
        .httpClientBuilder(ApacheHttpClient.builder()).build();
  }

  /** Runs the call, asserts that AWS answered it with this HTTP status and error code, and returns the error. */
  public static AwsServiceException awsError(ThrowingCallable call, int status, String code) {
    try {
      call.call();
    } catch (AwsServiceException e) {
      assertThat(e.awsErrorDetails().errorCode()).as("code of " + e.getMessage()).isEqualTo(code);
      assertThat(e.statusCode()).as("status of " + e.getMessage()).isEqualTo(status);
      return e;
    } catch (Throwable t) {
      throw new AssertionError("expected AWS error " + code + ", got " + t, t);
    }
    throw new AssertionError("expected AWS error " + code + ", but the call succeeded");
  }

  @Override
  public void close() {
    sim.close();
  }
}
