package io.resoto.worker.awssim.fault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Fault rules active in a time window counted from the plan's first call. */
class FaultWindowTest {

  /** A clock the test moves by hand, in milliseconds (the plan reads nanoseconds). */
  private final AtomicLong millis = new AtomicLong(5_000);

  private FaultPlan plan(FaultRule... rules) {
    FaultPlan plan = new FaultPlan(1, () -> millis.get() * 1_000_000);
    for (FaultRule r : rules) {
      plan.add(r);
    }
    return plan;
  }

  private FaultPlan.Outcome at(FaultPlan plan, long ms) {
    millis.set(ms);
    return plan.decide("ec2", "DescribeInstances", "us-east-1", "111111111111").outcome();
  }

  @Test
  void aWindowedRuleActsOnlyFromItsStartForItsLengthCountedFromTheFirstCall() {
    FaultPlan plan = plan(FaultRule.any().throttleRate(1.0).activeAfter(Duration.ofSeconds(2))
        .activeFor(Duration.ofSeconds(3)));
    // the clock reads 5 s when the first call comes: the window is 7 s to 10 s on that clock
    assertThat(at(plan, 5_000)).isEqualTo(FaultPlan.Outcome.NONE);
    assertThat(at(plan, 6_999)).isEqualTo(FaultPlan.Outcome.NONE);
    assertThat(at(plan, 7_000)).isEqualTo(FaultPlan.Outcome.THROTTLE);
    assertThat(at(plan, 9_999)).isEqualTo(FaultPlan.Outcome.THROTTLE);
    assertThat(at(plan, 10_000)).isEqualTo(FaultPlan.Outcome.NONE);
    assertThat(at(plan, 60_000)).isEqualTo(FaultPlan.Outcome.NONE);
  }

  @Test
  void theCountStartsWithTheFirstCallEvenWhenNoRuleMatchedItOrTheRuleCameLater() {
    FaultPlan plan = plan();
    millis.set(1_000);
    plan.decide("sts", "GetCallerIdentity", "us-east-1", null); // the first call: no rules yet
    plan.add(FaultRule.forService("ec2").throttleRate(1.0).activeFor(Duration.ofSeconds(1)));
    assertThat(at(plan, 1_500)).isEqualTo(FaultPlan.Outcome.THROTTLE);
    assertThat(at(plan, 2_000)).isEqualTo(FaultPlan.Outcome.NONE);
  }

  @Test
  void outsideItsWindowARuleAddsNoLatencyAndLeavesTheDrawToTheNextRule() {
    FaultPlan plan = plan(
        FaultRule.any().latencyMs(100).accessDenied(true).activeFor(Duration.ofSeconds(1)),
        FaultRule.any().latencyMs(7).errorRate(1.0));
    millis.set(0);
    assertThat(plan.decide("ec2", "X", "us-east-1", null))
        .isEqualTo(new FaultPlan.Decision(107, FaultPlan.Outcome.ACCESS_DENIED));
    millis.set(1_000);
    assertThat(plan.decide("ec2", "X", "us-east-1", null))
        .isEqualTo(new FaultPlan.Decision(7, FaultPlan.Outcome.SERVER_ERROR));
  }

  @Test
  void withoutAWindowARuleIsAlwaysActive() {
    FaultRule r = FaultRule.any().throttleRate(1.0);
    assertThat(r.activeAfterMs()).isZero();
    assertThat(r.activeForMs()).isEqualTo(-1);
    FaultPlan plan = plan(r);
    assertThat(at(plan, 0)).isEqualTo(FaultPlan.Outcome.THROTTLE);
    assertThat(at(plan, 86_400_000)).isEqualTo(FaultPlan.Outcome.THROTTLE);
  }

  @Test
  void theWindowSurvivesLaterChangesOfTheRuleAndTheOtherFieldsSurviveTheWindow() {
    FaultRule r = FaultRule.any().activeAfter(Duration.ofSeconds(3)).activeFor(Duration.ofSeconds(60))
        .service("ec2").throttleRate(0.3).latencyMs(5);
    assertThat(r.activeAfterMs()).isEqualTo(3_000);
    assertThat(r.activeForMs()).isEqualTo(60_000);
    assertThat(r.service()).isEqualTo("ec2");
    assertThat(r.throttleRate()).isEqualTo(0.3);
    assertThat(r.latencyMs()).isEqualTo(5);
    assertThat(r.toString()).contains("activeAfterMs=3000, activeForMs=60000");
    // the window and the kind of malformed answers are both carried by every copy
    FaultRule both = FaultRule.any().activeFor(Duration.ofSeconds(2)).malformed(MalformedKind.TRUNCATED)
        .activeAfter(Duration.ofSeconds(1)).malformedRate(0.5);
    assertThat(both.malformed()).isEqualTo(MalformedKind.TRUNCATED);
    assertThat(both.activeAfterMs()).isEqualTo(1_000);
    assertThat(both.activeForMs()).isEqualTo(2_000);
    // each fluent call is a copy: the original keeps its (absent) window
    FaultRule base = FaultRule.forService("s3");
    base.activeFor(Duration.ofSeconds(1));
    assertThat(base.activeForMs()).isEqualTo(-1);
  }

  @Test
  void theYamlKeysAreSecondsWithFractions() {
    FaultRule r = FaultRule.fromMap(Map.of("throttle_rate", 0.3, "after_seconds", 1.5, "for_seconds", "60"));
    assertThat(r.activeAfterMs()).isEqualTo(1_500);
    assertThat(r.activeForMs()).isEqualTo(60_000);
    assertThat(r.throttleRate()).isEqualTo(0.3);
    FaultPlan fromYaml = FaultPlan.fromMaps(List.of(Map.of("for_seconds", 2, "throttle_rate", 1.0)), 0);
    assertThat(fromYaml.rules().get(0).activeForMs()).isEqualTo(2_000);
    assertThatThrownBy(() -> FaultRule.fromMap(Map.of("after_seconds", -1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("after must not be negative");
    assertThatThrownBy(() -> FaultRule.fromMap(Map.of("for_seconds", "soon")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("for_seconds must be a number");
  }
}
