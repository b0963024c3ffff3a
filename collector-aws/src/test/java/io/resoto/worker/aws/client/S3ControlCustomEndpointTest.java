package io.resoto.worker.aws.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.engine.TestSupport;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3control.S3ControlClient;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointParams;
import software.amazon.awssdk.services.s3control.endpoints.S3ControlEndpointProvider;

class S3ControlCustomEndpointTest {

  private static final String ACCOUNT = "111111111111";

  private static S3ControlEndpointParams params(String endpoint) {
    return S3ControlEndpointParams.builder().region(Region.US_EAST_1).useFips(false).useDualStack(false)
        .accountId(ACCOUNT).requiresAccountId(true).endpoint(endpoint).build();
  }

  @Test
  void aCustomEndpointIsCalledAsConfiguredWithTheSdksSigning() throws Exception {
    Endpoint rules = S3ControlEndpointProvider.defaultProvider().resolveEndpoint(params("http://127.0.0.1:4599")).get();
    Endpoint ours = new S3ControlCustomEndpoint(S3ControlEndpointProvider.defaultProvider())
        .resolveEndpoint(params("http://127.0.0.1:4599")).get();

    // the SDK's rules put the account id before the host, which makes no host of an IP address
    assertThat(rules.url().getRawAuthority()).isEqualTo(ACCOUNT + ".127.0.0.1:4599");
    assertThat(rules.url().getHost()).isNull();
    assertThat(ours.url()).isEqualTo(URI.create("http://127.0.0.1:4599"));
    assertThat(ours.attribute(AwsEndpointAttribute.AUTH_SCHEMES))
        .isEqualTo(rules.attribute(AwsEndpointAttribute.AUTH_SCHEMES)).isNotEmpty();
    assertThat(ours.headers()).isEqualTo(rules.headers());
  }

  @Test
  void withoutACustomEndpointAwsKeepsItsAccountHost() throws Exception {
    Endpoint ours = new S3ControlCustomEndpoint(S3ControlEndpointProvider.defaultProvider())
        .resolveEndpoint(params(null)).get();

    assertThat(ours.url()).isEqualTo(URI.create("https://" + ACCOUNT + ".s3-control.us-east-1.amazonaws.com"));
  }

  @Test
  void theFactoryInstallsItOnlyWhenAnEndpointIsConfigured() {
    AwsConfig withEndpoint = TestSupport.with(AwsConfig.DEFAULTS, Map.of("endpointUrl", "http://127.0.0.1:4599"));
    try (AwsClientFactory f = new AwsClientFactory(withEndpoint);
        S3ControlClient c = f.create(S3ControlClient.builder(), AnonymousCredentialsProvider.create(), "us-east-1")) {
      assertThat(c.serviceClientConfiguration().endpointProvider()).containsInstanceOf(S3ControlCustomEndpoint.class);
    }
    try (AwsClientFactory f = new AwsClientFactory(AwsConfig.DEFAULTS);
        S3ControlClient c = f.create(S3ControlClient.builder(), AnonymousCredentialsProvider.create(), "us-east-1")) {
      // against AWS the SDK's own rules resolve, account host label included
      assertThat(c.serviceClientConfiguration().endpointProvider()).get()
          .isNotInstanceOf(S3ControlCustomEndpoint.class);
    }
  }
}
