package io.resoto.worker.awssim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * What the collector relies on, written once and run against each AWS backend: the simulator
 * always, LocalStack where Docker is available. Only behaviour both must share is asserted.
 */
abstract class AwsScenarios {

  /** The backend's endpoint for every service. */
  abstract URI endpoint();

  /** Credentials the backend accepts. */
  abstract AwsCredentialsProvider credentials();

  <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder) {
    return builder.endpointOverride(endpoint()).region(Region.US_EAST_1).credentialsProvider(credentials())
        .httpClient(ApacheHttpClient.create()).build();
  }

  @Test
  void theCallerIsAnAccountAndAPrincipal() {
    try (StsClient sts = client(StsClient.builder())) {
      var me = sts.getCallerIdentity();
      assertThat(me.account()).matches("\\d{12}");
      assertThat(me.arn()).startsWith("arn:aws:");
    }
  }

  @Test
  void regionsAreListedWithTheClientsRegion() {
    try (Ec2Client ec2 = client(Ec2Client.builder())) {
      assertThat(ec2.describeRegions().regions()).extracting(r -> r.regionName()).contains("us-east-1");
    }
  }

  @Test
  void accountAliasesAnswer() {
    try (IamClient iam = client(IamClient.builder())) {
      assertThat(iam.listAccountAliases().accountAliases()).isNotNull();
    }
  }
}
