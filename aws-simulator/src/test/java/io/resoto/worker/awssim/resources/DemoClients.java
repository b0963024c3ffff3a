package io.resoto.worker.awssim.resources;

import io.resoto.worker.awssim.cli.Simulation;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;

/** Real SDK clients of a running simulation, as the demo estate's collector user, without retries. */
public final class DemoClients {

  /** The demo management account's collector user. */
  public static final AwsCredentialsProvider COLLECTOR = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIADEMO00000000000A", "demo-secret-0000000000000000000000000000"));

  private DemoClients() {}

  /** A client of the simulation in the region, signed as the collector user. */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(Simulation sim,
      B builder, String region) {
    return client(sim, builder, region, COLLECTOR);
  }

  /** A client of the simulation in the region with the given credentials. */
  public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(Simulation sim,
      B builder, String region, AwsCredentialsProvider credentials) {
    return builder.endpointOverride(sim.endpoint())
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .httpClient(ApacheHttpClient.create())
        .overrideConfiguration(ClientOverrideConfiguration.builder().retryPolicy(RetryPolicy.none()).build())
        .build();
  }
}
