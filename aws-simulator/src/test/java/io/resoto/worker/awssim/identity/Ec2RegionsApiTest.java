package io.resoto.worker.awssim.identity;

import static io.resoto.worker.awssim.identity.Fixtures.COLLECTOR_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.ESTATE;
import static io.resoto.worker.awssim.identity.Fixtures.OUTSIDER_KEY;
import static io.resoto.worker.awssim.identity.Fixtures.awsError;
import static io.resoto.worker.awssim.identity.Fixtures.call;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.resoto.worker.awssim.AwsError;
import io.resoto.worker.awssim.CallContext;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.DescribeRegionsRequest;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Region;

class Ec2RegionsApiTest {
  private final EstateCredentials credentials =
      new EstateCredentials(ESTATE, new TestClock(Instant.parse("2024-01-01T00:00:00Z")));
  private final Ec2RegionsApi ec2 = new Ec2RegionsApi(ESTATE);

  private List<Region> describe(String region, DescribeRegionsRequest request) {
    return ec2.describeRegions(call(credentials, COLLECTOR_KEY, region), request).regions();
  }

  @Test
  void listsTheEnabledRegionsWithTheirOptInStatus() {
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder().build()))
        .extracting(Region::regionName, Region::optInStatus, Region::endpoint)
        .containsExactly(
            tuple("eu-central-1", "opt-in-not-required", "ec2.eu-central-1.amazonaws.com"),
            tuple("eu-south-1", "opted-in", "ec2.eu-south-1.amazonaws.com"),
            tuple("us-east-1", "opt-in-not-required", "ec2.us-east-1.amazonaws.com"));
  }

  @Test
  void allRegionsAddsTheNotOptedInOnes() {
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder().allRegions(true).build()))
        .extracting(Region::regionName, Region::optInStatus)
        .containsExactly(
            tuple("af-south-1", "not-opted-in"),
            tuple("ap-east-1", "not-opted-in"),
            tuple("eu-central-1", "opt-in-not-required"),
            tuple("eu-south-1", "opted-in"),
            tuple("us-east-1", "opt-in-not-required"));
  }

  @Test
  void answersForTheCallersAccount() {
    CallContext outsider = call(credentials, OUTSIDER_KEY, "us-east-1");
    assertThat(ec2.describeRegions(outsider, DescribeRegionsRequest.builder().allRegions(true).build()).regions())
        .extracting(Region::regionName).containsExactly("us-east-1");
  }

  @Test
  void regionNameFilterAndParameterNarrowTheAnswer() {
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder().allRegions(true)
        .filters(Filter.builder().name("region-name").values("eu-*", "af-south-?").build()).build()))
        .extracting(Region::regionName).containsExactly("af-south-1", "eu-central-1", "eu-south-1");
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder()
        .filters(Filter.builder().name("opt-in-status").values("opted-in").build()).build()))
        .extracting(Region::regionName).containsExactly("eu-south-1");
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder().regionNames("us-east-1", "af-south-1").build()))
        .extracting(Region::regionName).containsExactly("us-east-1");
    assertThat(describe("us-east-1", DescribeRegionsRequest.builder().allRegions(true)
        .regionNames("us-east-1", "af-south-1").build()))
        .extracting(Region::regionName).containsExactly("af-south-1", "us-east-1");
  }

  @Test
  void unknownRegionNamesAndFiltersAreErrors() {
    awsError(() -> describe("us-east-1", DescribeRegionsRequest.builder().regionNames("xx-nowhere-1").build()),
        400, "InvalidParameterValue");
    awsError(() -> describe("us-east-1", DescribeRegionsRequest.builder()
        .filters(Filter.builder().name("color").values("blue").build()).build()), 400, "InvalidParameterValue");
  }

  @Test
  void aCallInARegionTheAccountHasNotEnabledFails() {
    assertThatThrownBy(() -> describe("af-south-1", DescribeRegionsRequest.builder().build()))
        .isInstanceOfSatisfying(AwsError.class, e -> {
          assertThat(e.kind()).isEqualTo(AwsError.Kind.REGION_NOT_ENABLED);
          assertThat(e).hasMessageContaining("af-south-1").hasMessageContaining("111111111111");
        });
  }
}
