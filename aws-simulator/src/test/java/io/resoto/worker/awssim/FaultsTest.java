package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.awssim.fault.FaultRule;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsResponse;
import software.amazon.awssdk.services.ec2.model.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** Each fault of the plan, as the real SDK experiences it. */
class FaultsTest {
  private AwsSimulator sim;
  private Ec2Client ec2;
  private Ec2Client ec2WithRetries;
  private StsClient sts;

  @BeforeEach
  void start() throws Exception {
    sim = AwsSimulator.builder().credentials(new SimSupport.Keys()).faults(new FaultPlan(42)).start();
    sim.on(DescribeInstancesRequest.class, (ctx, req) -> DescribeInstancesResponse.builder().build());
    sim.on(DescribeRegionsRequest.class, (ctx, req) -> DescribeRegionsResponse.builder()
        .regions(Region.builder().regionName("us-east-1").build()).build());
    sim.on(GetCallerIdentityRequest.class, (ctx, req) -> GetCallerIdentityResponse.builder()
        .account(ctx.caller().accountId()).build());
    ec2 = SimSupport.client(Ec2Client.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
    ec2WithRetries = SimSupport.client(Ec2Client.builder(), sim.endpoint());
    sts = SimSupport.client(StsClient.builder(), sim.endpoint(), SimSupport.defaultCredentials(), false);
  }

  @AfterEach
  void stop() {
    ec2.close();
    ec2WithRetries.close();
    sts.close();
    sim.close();
  }

  @Test
  void throttlingAtRateOneIsSeenWithoutRetries() {
    sim.faults().add(FaultRule.forService("ec2").operation("DescribeInstances").throttleRate(1.0));
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ec2::describeInstances);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("RequestLimitExceeded");
    assertThat(e.isThrottlingException()).isTrue();
    // other operations are not affected
    assertThat(ec2.describeRegions().regions()).hasSize(1);
    assertThat(sim.counters().get("ec2", "DescribeInstances")).isEqualTo(new CallCounters.Stats(1, 1, 0));
    assertThat(sim.counters().get("ec2", "DescribeRegions")).isEqualTo(new CallCounters.Stats(1, 0, 0));
  }

  @Test
  void partialThrottlingIsRetriedAwayByTheDefaultRetryPolicy() {
    sim.faults().add(FaultRule.forService("ec2").throttleRate(0.3));
    int calls = 0;
    while (sim.counters().get("ec2", "DescribeRegions").throttled() == 0 && calls < 40) {
      assertThat(ec2WithRetries.describeRegions().regions()).hasSize(1);
      calls++;
    }
    CallCounters.Stats stats = sim.counters().get("ec2", "DescribeRegions");
    assertThat(stats.throttled()).isPositive();
    assertThat(stats.calls()).isEqualTo(calls + stats.throttled());
  }

  @Test
  void accessDenied() {
    sim.faults().add(FaultRule.forService("ec2").accessDenied(true));
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, ec2::describeRegions);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("UnauthorizedOperation");
    assertThat(e.statusCode()).isEqualTo(403);
    assertThat(sim.counters().get("ec2", "DescribeRegions").failed()).isEqualTo(1);
  }

  @Test
  void regionNotEnabledOnlyInItsRegion() {
    sim.faults().add(FaultRule.any().region("us-east-1").regionNotEnabled(true));
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidClientTokenId");
    sim.faults().clear();
    sim.faults().add(FaultRule.any().region("ap-east-1").regionNotEnabled(true));
    assertThat(sts.getCallerIdentity().account()).isEqualTo(SimSupport.ACCOUNT);
  }

  @Test
  void accountMatching() {
    sim.faults().add(FaultRule.any().account("999999999999").accessDenied(true));
    assertThat(sts.getCallerIdentity().account()).isEqualTo(SimSupport.ACCOUNT);
    sim.faults().add(FaultRule.any().account(SimSupport.ACCOUNT).accessDenied(true));
    assertThat(catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity)
        .awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
  }

  @Test
  void serverErrors() {
    sim.faults().add(FaultRule.forService("sts").errorRate(1.0));
    AwsServiceException e = catchThrowableOfType(AwsServiceException.class, sts::getCallerIdentity);
    assertThat(e.statusCode()).isEqualTo(500);
    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalError");
    assertThat(sim.counters().get("sts", "GetCallerIdentity").failed()).isEqualTo(1);
  }

  @Test
  void connectionResetIsAClientSideIoFailure() {
    sim.faults().add(FaultRule.forService("sts").resetRate(1.0));
    SdkClientException e = catchThrowableOfType(SdkClientException.class, sts::getCallerIdentity);
    assertThat(e).isNotInstanceOf(SdkServiceException.class);
    assertThat(e).hasRootCauseInstanceOf(IOException.class);
    assertThat(sim.counters().get("sts", "GetCallerIdentity").failed()).isEqualTo(1);
  }

  @Test
  void malformedBodyFailsToParse() {
    FaultRule rule = FaultRule.forService("sts").malformedRate(1.0);
    sim.faults().add(rule);
    SdkClientException e = catchThrowableOfType(SdkClientException.class, sts::getCallerIdentity);
    assertThat(e).isNotInstanceOf(SdkServiceException.class);
    assertThat(e.getMessage()).containsIgnoringCase("parse");
    assertThat(sim.faults().remove(rule)).isTrue();
    assertThat(sts.getCallerIdentity().account()).isEqualTo(SimSupport.ACCOUNT);
  }

  @Test
  void malformedJsonBodyFailsToParse() throws Exception {
    sim.on(software.amazon.awssdk.services.organizations.model.ListAccountsRequest.class, (ctx, req) ->
        software.amazon.awssdk.services.organizations.model.ListAccountsResponse.builder().build());
    sim.faults().add(FaultRule.forService("organizations").malformedRate(1.0));
    try (var org = SimSupport.client(software.amazon.awssdk.services.organizations.OrganizationsClient.builder(),
        sim.endpoint(), SimSupport.defaultCredentials(), false)) {
      assertThatThrownBy(org::listAccounts).isInstanceOf(SdkClientException.class)
          .isNotInstanceOf(SdkServiceException.class);
    }
  }

  @Test
  void latencyIsALowerBound() {
    sim.faults().add(FaultRule.forService("sts").latencyMs(300).jitterMs(50));
    long start = System.nanoTime();
    sts.getCallerIdentity();
    long elapsedMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(elapsedMs).isGreaterThanOrEqualTo(300);
  }

  @Test
  void rulesFromMapsAsTheStandaloneSimulatorReadsThem() {
    FaultPlan plan = FaultPlan.fromMaps(List.of(
        Map.of("service", "ec2", "operation", "DescribeInstances", "throttle_rate", 0.25, "latency_ms", 10,
            "jitter_ms", 5),
        Map.of("region", "eu-west-1", "region_not_enabled", true, "account", "123"),
        Map.of("error_rate", "0.5", "reset_rate", 0.1, "malformed_rate", 0.2, "access_denied", "false")), 7);
    assertThat(plan.rules()).hasSize(3);
    FaultRule first = plan.rules().get(0);
    assertThat(first.service()).isEqualTo("ec2");
    assertThat(first.operation()).isEqualTo("DescribeInstances");
    assertThat(first.throttleRate()).isEqualTo(0.25);
    assertThat(first.latencyMs()).isEqualTo(10);
    assertThat(first.jitterMs()).isEqualTo(5);
    assertThat(plan.rules().get(1).regionNotEnabled()).isTrue();
    assertThat(plan.rules().get(1).matches("sts", "GetCallerIdentity", "eu-west-1", "123")).isTrue();
    assertThat(plan.rules().get(1).matches("sts", "GetCallerIdentity", "eu-west-2", "123")).isFalse();
    assertThat(plan.rules().get(2).errorRate()).isEqualTo(0.5);
    assertThat(plan.rules().get(2).resetRate()).isEqualTo(0.1);
    assertThat(plan.rules().get(2).malformedRate()).isEqualTo(0.2);
    assertThatThrownBy(() -> FaultRule.fromMap(Map.of("throttle", 1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FaultRule.fromMap(Map.of("throttle_rate", 2))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void decisionsFollowTheSeed() {
    FaultRule rule = FaultRule.any().throttleRate(0.5).jitterMs(100);
    FaultPlan a = new FaultPlan(5).add(rule);
    FaultPlan b = new FaultPlan(5).add(rule);
    for (int i = 0; i < 100; i++) {
      assertThat(a.decide("ec2", "X", "r", "1")).isEqualTo(b.decide("ec2", "X", "r", "1"));
    }
  }
}
