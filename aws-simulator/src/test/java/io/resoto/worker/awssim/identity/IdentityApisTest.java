package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesRequest;
import software.amazon.awssdk.services.iam.model.ListAccountAliasesResponse;
import software.amazon.awssdk.services.organizations.model.DescribeOrganizationRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListAccountsRequest;
import software.amazon.awssdk.services.organizations.model.ListOrganizationalUnitsForParentRequest;
import software.amazon.awssdk.services.organizations.model.ListRootsRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleWithWebIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

class IdentityApisTest {
  private final TestClock clock = new TestClock(Instant.parse("2024-01-01T00:00:00Z"));
  private final EstateCredentials credentials = new EstateCredentials(ESTATE, clock);

  @Test
  void registersEveryIdentityOperation() {
    RecordingRegistry registry = new RecordingRegistry();
    IdentityApis.registerAll(registry, ESTATE, credentials, clock);
    assertThat(registry.handlers.keySet()).containsExactlyInAnyOrder(
        GetCallerIdentityRequest.class, AssumeRoleRequest.class, AssumeRoleWithWebIdentityRequest.class,
        DescribeOrganizationRequest.class, ListAccountsRequest.class, ListRootsRequest.class,
        ListOrganizationalUnitsForParentRequest.class, ListAccountsForParentRequest.class,
        software.amazon.awssdk.services.organizations.model.DescribeAccountRequest.class,
        ListAccountAliasesRequest.class, DescribeRegionsRequest.class);
  }

  @Test
  void registeredHandlersAnswer() {
    RecordingRegistry registry = new RecordingRegistry();
    IdentityApis.registerAll(registry, ESTATE, credentials, clock);
    var ctx = call(credentials, COLLECTOR_KEY, "us-east-1");
    assertThat(((GetCallerIdentityResponse) registry.call(ctx, GetCallerIdentityRequest.builder().build())).account())
        .isEqualTo("111111111111");
    assertThat(((ListAccountAliasesResponse) registry.call(ctx, ListAccountAliasesRequest.builder().build()))
        .accountAliases()).containsExactly("test-mgmt");
  }

  @Test
  void refusesAClockOtherThanTheCredentialStores() {
    assertThatThrownBy(() -> IdentityApis.registerAll(new RecordingRegistry(), ESTATE, credentials, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
