package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.resoto.worker.awssim.CallCounters.ScopedStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CollectLowerBoundTest {

  private static final Map<String, Double> RATES = Map.of("default", 20.0, "ec2", 20.0, "cloudwatch", 10.0);

  @Test
  void theChainIsTheSetupAndTheLongestListingOfAScopeFollowedByADescribe() {
    List<ScopedStats> calls = List.of(
        new ScopedStats("1", "us-east-1", "sts", "GetCallerIdentity", 1, 0),
        new ScopedStats("1", "us-east-1", "organizations", "ListAccounts", 2, 1),
        new ScopedStats("1", "us-east-1", "sts", "AssumeRole", 2, 0),
        // two listings of 5 pages each
        new ScopedStats("2", "eu-west-1", "ec2", "DescribeInstances", 10, 8),
        new ScopedStats("2", "eu-west-1", "ec2", "DescribeInstanceAttribute", 3, 0),
        new ScopedStats("1", "us-east-1", "s3", "ListBuckets", 1, 0));

    CollectLowerBound.Bound bound = CollectLowerBound.of(calls, 0.030, RATES, 2);

    // identity 1 + 2 pages of accounts + assume role 1, then 5 pages and a describe
    assertThat(bound.chainCalls()).isEqualTo(1 + 2 + 1 + 5 + 1);
    assertThat(bound.chainScope()).isEqualTo("2 eu-west-1");
    assertThat(bound.chainSeconds()).isCloseTo(0.30, within(1e-9));
    assertThat(bound.rateSeconds()).isZero();
    assertThat(bound.which()).isEqualTo("chain");
  }

  @Test
  void theRateLimitBoundIsTheBusiestServiceOfAScopeAfterItsBurst() {
    List<ScopedStats> calls = List.of(
        new ScopedStats("1", "us-east-1", "ec2", "DescribeVolumes", 300, 0),
        new ScopedStats("1", "us-east-1", "ec2", "DescribeSnapshots", 120, 0),
        new ScopedStats("1", "eu-west-1", "ec2", "DescribeVolumes", 200, 0),
        // counted under its signing name, limited under the config's name
        new ScopedStats("1", "us-east-1", "monitoring", "GetMetricData", 250, 0));

    CollectLowerBound.Bound bound = CollectLowerBound.of(calls, 0.030, RATES, 2);

    // 420 ec2 calls at 20/s after a burst of 20: 20 s; 250 cloudwatch calls at 10/s after 10: 24 s
    assertThat(bound.rateSeconds()).isCloseTo(24.0, within(1e-9));
    assertThat(bound.rateScope()).startsWith("1 us-east-1 cloudwatch (250 calls at 10/s)");
    assertThat(bound.seconds()).isCloseTo(24.0, within(1e-9));
    assertThat(bound.which()).isEqualTo("rate limit");
    assertThat(bound.poolSeconds()).isCloseTo(24.0, within(1e-9));
  }

  @Test
  void withFewerSlotsThanAccountsTheAccountsRunInWaves() {
    List<ScopedStats> calls = List.of(
        new ScopedStats("1", "us-east-1", "s3", "GetBucketAcl", 620, 0),
        new ScopedStats("2", "us-east-1", "s3", "GetBucketAcl", 620, 0),
        new ScopedStats("3", "us-east-1", "s3", "GetBucketAcl", 420, 0));

    // 30 s, 30 s and 20 s: two slots take 50 s, three 30 s
    assertThat(CollectLowerBound.of(calls, 0.030, RATES, 2).poolSeconds()).isCloseTo(50.0, within(1e-9));
    assertThat(CollectLowerBound.of(calls, 0.030, RATES, 3).poolSeconds()).isCloseTo(30.0, within(1e-9));
    assertThat(CollectLowerBound.of(calls, 0.030, RATES, 3).seconds()).isCloseTo(30.0, within(1e-9));
  }
}
