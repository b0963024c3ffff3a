package io.resoto.worker.aws.client;

import io.resoto.worker.aws.AwsConfig;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/**
 * Builds the SDK clients of a run: all share one HTTP client (one connection pool), the
 * configured endpoint (a simulator or LocalStack, when set) and the configured retry strategy.
 * Retries live here, in the clients, never around calls. With a configured endpoint, S3 Control
 * is called at that endpoint as is, without its account id host label
 * ({@link S3ControlCustomEndpoint}).
 */
public final class AwsClientFactory implements AutoCloseable {

  private final SdkHttpClient http;
  private final URI endpoint;
  private final java.util.function.Supplier<RetryStrategy> retry;

  public AwsClientFactory(AwsConfig config) {
    this.http = ApacheHttpClient.builder()
        // every account in flight runs up to resource_pool_size calls at once, all on this pool
        .maxConnections(Math.max(50, config.resourcePoolSize() * Math.max(1, config.accountPoolSize())))
        .connectionTimeout(Duration.ofSeconds(10))
        .socketTimeout(Duration.ofSeconds(60))
        .build();
    this.endpoint = config.endpointUrl() == null ? null : URI.create(config.endpointUrl());
    String mode = config.retryMode();
    int attempts = config.maxAttempts();
    // a new strategy for each client: its stores (the adaptive mode's client-side send rate, the
    // retry quota) are then per account, region and service; toBuilder() would share them, and one
    // strategy shared by every client slowed all of them down for any one's throttling
    this.retry = () -> (switch (mode) {
      case "standard" -> AwsRetryStrategy.standardRetryStrategy();
      case "legacy" -> AwsRetryStrategy.legacyRetryStrategy();
      default -> AwsRetryStrategy.adaptiveRetryStrategy();
    }).toBuilder().maxAttempts(attempts).build();
  }

  /**
   * A client of the builder's service for these credentials in this region. The caller closes
   * it; closing it leaves the shared HTTP client open.
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C create(
      B builder, AwsCredentialsProvider credentials, String region) {
    return create(builder, credentials, region, List.of());
  }

  /**
   * As {@link #create(AwsClientBuilder, AwsCredentialsProvider, String)}, with interceptors that
   * see every request of the client (the engine's request-rate limit is one).
   */
  public <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C extends SdkClient> C create(
      B builder, AwsCredentialsProvider credentials, String region, List<ExecutionInterceptor> interceptors) {
    ClientOverrideConfiguration.Builder override = ClientOverrideConfiguration.builder().retryStrategy(retry.get())
        .addMetricPublisher(AwsApiMetrics.INSTANCE);
    interceptors.forEach(override::addExecutionInterceptor);
    override.addExecutionInterceptor(MalformedResponses.INSTANCE);
    builder.httpClient(http)
        .region(Region.of(region))
        .credentialsProvider(credentials)
        .overrideConfiguration(override.build());
    if (endpoint != null) {
      builder.endpointOverride(endpoint);
      if (builder instanceof S3ControlClientBuilder s3control) {
        s3control.endpointProvider(new S3ControlCustomEndpoint(S3ControlEndpointProvider.defaultProvider()));
      }
    }
    return builder.build();
  }

  /** The shared HTTP client, e.g. for STS credential providers. */
  public SdkHttpClient httpClient() {
    return http;
  }

  @Override
  public void close() {
    http.close();
  }
}
