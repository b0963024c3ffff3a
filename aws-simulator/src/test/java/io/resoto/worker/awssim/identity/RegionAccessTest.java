package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import io.resoto.worker.awssim.Identity;
import org.junit.jupiter.api.Test;

class RegionAccessTest {
  private static final Identity PAYMENTS =
      new Identity("222222222222", "arn:aws:sts::222222222222:assumed-role/ResotoAccess/s", "AROAX:s");

  @Test
  void enabledRegionPasses() {
    assertThatCode(() -> RegionAccess.requireEnabled(ESTATE, as(PAYMENTS, "us-east-1"))).doesNotThrowAnyException();
    assertThat(RegionAccess.isEnabled(ESTATE, "222222222222", "us-east-1")).isTrue();
  }

  @Test
  void regionEnabledForAnotherAccountOnlyFails() {
    assertThat(RegionAccess.isEnabled(ESTATE, "111111111111", "eu-central-1")).isTrue();
    assertThatThrownBy(() -> RegionAccess.requireEnabled(ESTATE, as(PAYMENTS, "eu-central-1")))
        .isInstanceOfSatisfying(AwsError.class,
            e -> assertThat(e.kind()).isEqualTo(AwsError.Kind.REGION_NOT_ENABLED));
    assertThat(RegionAccess.isEnabled(ESTATE, "222222222222", "eu-central-1")).isFalse();
  }

  @Test
  void unsignedCallsAreLeftToTheirHandler() {
    CallContext unsigned = new CallContext("sts", "AssumeRoleWithWebIdentity", "af-south-1", null, null, "r");
    assertThatCode(() -> RegionAccess.requireEnabled(ESTATE, unsigned)).doesNotThrowAnyException();
  }
}
