package io.resoto.worker.aws.account;

import static io.resoto.worker.aws.credentials.TestSupport.DEMO_KEY;
import static io.resoto.worker.aws.credentials.TestSupport.DEMO_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.RoleAssumer;
import io.resoto.worker.aws.credentials.TestSupport;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultRule;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Regions per account: configured, described (opt-in regions skipped with a reason), denied. */
class ConfiguredRegionResolverTest {

  Simulation sim;
  AwsClientFactory clients;
  final AwsAccountTarget mgmt = new AwsAccountTarget("111111111111", "demo-mgmt", null, null, "aws",
      StaticCredentialsProvider.create(AwsBasicCredentials.create(DEMO_KEY, DEMO_SECRET)));

  @BeforeEach
  void start() throws Exception {
    sim = Simulation.start(Estate.demo());
  }

  @AfterEach
  void stop() {
    if (clients != null) {
      clients.close();
    }
    sim.close();
  }

  RegionResolver resolver(Object... overrides) {
    AwsConfig config = TestSupport.config(sim, overrides);
    clients = new AwsClientFactory(config);
    return new ConfiguredRegionResolver(config, clients);
  }

  @Test
  void theConfiguredListIsUsedAsGiven() throws Exception {
    RegionResolver.Regions regions = resolver("region", List.of("eu-central-1", "ap-east-1")).regions(mgmt);
    assertThat(regions.collect()).containsExactly("eu-central-1", "ap-east-1");
    assertThat(regions.skipped()).isEmpty();
  }

  @Test
  void enabledRegionsAreCollectedAndNotOptedInOnesSkippedWithTheReason() throws Exception {
    RegionResolver.Regions regions = resolver().regions(mgmt);
    assertThat(regions.collect()).containsExactlyInAnyOrder("us-east-1", "eu-central-1", "us-west-2");
    assertThat(regions.skipped()).extracting(RegionResolver.Skipped::region)
        .containsExactlyInAnyOrder("af-south-1", "ap-east-1", "me-south-1");
    assertThat(regions.skipped()).extracting(RegionResolver.Skipped::reason)
        .containsOnly("not enabled in this account (opt-in region)");
  }

  @Test
  void eachAccountGetsItsOwnRegions() throws Exception {
    RegionResolver resolver = resolver("externalId", "demo-external-id");
    try (var role = new RoleAssumer(TestSupport.config(sim, "externalId", "demo-external-id"), clients)
        .assume(mgmt.credentials(), "arn:aws:iam::222222222222:role/ResotoAccess")) {
      AwsAccountTarget payments = new AwsAccountTarget("222222222222", "demo-payments", null,
          role.roleArn(), "aws", role);
      assertThat(resolver.regions(payments).collect()).containsExactlyInAnyOrder("us-east-1", "eu-central-1", "eu-south-1");
    }
  }

  @Test
  void deniedDescribeRegionsUsesTheConfiguredList() throws Exception {
    sim.aws().faults().add(FaultRule.forService("ec2").operation("DescribeRegions").accessDenied(true));
    assertThat(resolver("region", List.of("us-east-1")).regions(mgmt).collect()).containsExactly("us-east-1");
  }

  @Test
  void deniedDescribeRegionsWithoutAListSaysWhatToConfigure() {
    sim.aws().faults().add(FaultRule.forService("ec2").operation("DescribeRegions").accessDenied(true));
    RegionResolver resolver = resolver();
    assertThatThrownBy(() -> resolver.regions(mgmt)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("111111111111").hasMessageContaining("demo-mgmt")
        .hasMessageContaining("ec2:DescribeRegions was denied").hasMessageContaining("aws.region");
  }
}
