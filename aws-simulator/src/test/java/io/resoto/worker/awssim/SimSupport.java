package io.resoto.worker.awssim;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.retry.RetryPolicy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3control.S3ControlClientBuilder;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

/** Shared set-up of the simulator tests: a key store and real SDK clients pointed at the simulator. */
final class SimSupport {
  static final String ACCOUNT = "123456789012";
  static final String KEY_ID = "AKIDSIMULATORTEST01";
  static final String SECRET = "simulator/secret+key=0123456789abcdefghij";
  static final Identity USER = new Identity(ACCOUNT, "arn:aws:iam::" + ACCOUNT + ":user/tester", "AIDATESTER");

  /** A mutable key store for tests. */
  static final class Keys implements CredentialStore {
    final Map<String, KeyRecord> keys = new ConcurrentHashMap<>();

    Keys() {
      add(new KeyRecord(KEY_ID, SECRET, null, null, USER));
    }

    Keys add(KeyRecord r) {
      keys.put(r.accessKeyId(), r);
      return this;
    }

    @Override
    public Optional<KeyRecord> find(String accessKeyId) {
      return Optional.ofNullable(keys.get(accessKeyId));
    }
  }

  private SimSupport() {}

  static AwsSimulator start(CredentialStore keys) throws IOException {
    return AwsSimulator.builder().credentials(keys).start();
  }

  static AwsSimulator start(CredentialStore keys, Clock clock) throws IOException {
    return AwsSimulator.builder().credentials(keys).clock(clock).start();
  }

  static AwsCredentials defaultCredentials() {
    return AwsBasicCredentials.create(KEY_ID, SECRET);
  }

  static AwsCredentials session(String keyId, String secret, String token) {
    return AwsSessionCredentials.create(keyId, secret, token);
  }

  /** A client of the simulator with the test key. */
  static <C, B extends AwsClientBuilder<B, C>> C client(B builder, URI endpoint) {
    return client(builder, endpoint, defaultCredentials(), true);
  }

  /**
   * A client of the simulator.
   *
   * @param retries false to see every error at once
   */
  static <C, B extends AwsClientBuilder<B, C>> C client(B builder, URI endpoint, AwsCredentials credentials,
      boolean retries) {
    return client(builder, endpoint, credentials, retries, false);
  }

  /**
   * A client of the simulator.
   *
   * @param apache use Apache's HTTP client: HttpURLConnection drops the body of 401 answers (EC2's
   *     AuthFailure), so the error code is only readable with another client, as against AWS
   */
  @SuppressWarnings("deprecation")
  static <C, B extends AwsClientBuilder<B, C>> C client(B builder, URI endpoint, AwsCredentials credentials,
      boolean retries, boolean apache) {
    builder.endpointOverride(endpoint)
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(credentials));
    if (!retries) {
      builder.overrideConfiguration(c -> c.retryPolicy(RetryPolicy.none()));
    }
    if (builder instanceof S3ClientBuilder s3) {
      s3.forcePathStyle(true);
    }
    if (builder instanceof S3ControlClientBuilder s3control) {
      // the SDK's rules put the account id before the host (111111111111.127.0.0.1: no host at all);
      // the simulator is called as it is, with the SDK's signing
      S3ControlEndpointProvider rules = S3ControlEndpointProvider.defaultProvider();
      s3control.endpointProvider(p -> rules.resolveEndpoint(p).thenApply(e -> e.toBuilder().url(endpoint).build()));
    }
    // httpClientBuilder is on the sync builder interface; every builder used here is sync
    ((software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<?, ?>) builder)
        .httpClientBuilder(apache ? ApacheHttpClient.builder() : UrlConnectionHttpClient.builder());
    return builder.build();
  }
}
