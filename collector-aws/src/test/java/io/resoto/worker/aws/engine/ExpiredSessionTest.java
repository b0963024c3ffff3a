package io.resoto.worker.aws.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.account.AwsAccountTarget;
import io.resoto.worker.aws.account.RegionResolver;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.credentials.AssumedRoleCredentials;
import io.resoto.worker.aws.credentials.RoleAssumer;
import io.resoto.worker.aws.kinds.ec2.AwsEc2NetworkAclKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.fault.FaultPlan;
import io.resoto.worker.graph.Node;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * AWS declares an assumed-role session expired in the middle of a run, while the SDK's cache
 * still holds it as valid (here: the simulator's clock jumps 65 minutes ahead, past the one-hour session, as a host suspended
 * for hours or a skewed clock would make it). The engine mints a new session once and the run
 * completes with the same resources as an undisturbed one.
 */
class ExpiredSessionTest {

  private static final String ACCOUNT = "111111111111";
  private static final String ROLE = "arn:aws:iam::111111111111:role/worker-node";
  private static final List<String> REGIONS = List.of("us-east-1", "eu-central-1");

  /** The system clock plus an offset the test moves. */
  static final class JumpingClock extends Clock {
    final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.now().plus(offset.get());
    }
  }

  static final JumpingClock CLOCK = new JumpingClock();
  static Simulation sim;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo(), 0, 0, new FaultPlan(), CLOCK);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private List<AwsKind> kinds(List<AwsKind> extra) {
    List<AwsKind> kinds = new ArrayList<>(List.of(new AwsVpcKind(), new AwsEc2SubnetKind(),
        new AwsEc2SecurityGroupKind(), new AwsEc2NetworkAclKind()));
    kinds.addAll(extra);
    return kinds;
  }

  private Set<String> collect(List<AwsKind> extra, TestSupport.RecordingContext context) throws Exception {
    AwsConfig config = TestSupport.config(sim, Map.of());
    RegionResolver regions = account -> new RegionResolver.Regions(REGIONS, List.of());
    try (AwsClientFactory clients = new AwsClientFactory(config);
        AssumedRoleCredentials role = new RoleAssumer(config, clients).assume(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET)), ROLE)) {
      AwsAccountTarget target = new AwsAccountTarget(ACCOUNT, "demo-mgmt", null, ROLE, "aws", role);
      AccountCollector.Result result = new AccountCollector(config, clients, regions, kinds(extra), context)
          .collect(target);
      assertThat(result.graph()).isNotNull();
      assertThat(result.graph().graph().validate()).isEmpty();
      return result.graph().graph().nodes().stream().map(Node::id).collect(Collectors.toSet());
    }
  }

  private static long assumeRoleCalls() {
    var stats = sim.aws().counters().get("sts", "AssumeRole");
    return stats == null ? 0 : stats.calls();
  }

  @Test
  void aSessionExpiredByAwsMidRunIsMintedAgainOnceAndTheRunCompletes() throws Exception {
    TestSupport.RecordingContext clean = new TestSupport.RecordingContext();
    Set<String> undisturbed = collect(List.of(), clean);
    assertThat(clean.errors).isEmpty();
    assertThat(undisturbed).hasSizeGreaterThan(12);

    // a kind that calls EC2 (the session is minted and used), lets 65 minutes pass, and calls again
    AwsKind timeTraveller = TestSupport.kind("test_time_traveller", AwsKind.Scope.REGIONAL, "ec2", ctx -> {
      Ec2Client ec2 = ctx.client(Ec2Client.builder());
      ec2.describeVpcs();
      CLOCK.offset.set(Duration.ofMinutes(65));
      ec2.describeVpcs();
    });
    long before = assumeRoleCalls();
    TestSupport.RecordingContext context = new TestSupport.RecordingContext();
    Set<String> disturbed = collect(List.of(timeTraveller), context);

    assertThat(context.errors).isEmpty();
    assertThat(disturbed).isEqualTo(undisturbed);
    // the first session, and exactly one more however many calls saw the first one expire
    assertThat(assumeRoleCalls() - before).isEqualTo(2);
  }
}
