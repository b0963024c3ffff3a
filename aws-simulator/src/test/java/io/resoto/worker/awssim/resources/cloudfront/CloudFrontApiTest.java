package io.resoto.worker.awssim.resources.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.CachePolicyType;
import software.amazon.awssdk.services.cloudfront.model.DistributionList;
import software.amazon.awssdk.services.cloudfront.model.DistributionSummary;
import software.amazon.awssdk.services.cloudfront.model.FunctionStage;
import software.amazon.awssdk.services.cloudfront.model.FunctionSummary;

/** CloudFront's listings, paging, errors and tag writes over the wire, from the demo estate. */
class CloudFrontApiTest {

  private static final String WEB_ARN = "arn:aws:cloudfront::111111111111:distribution/E1DEMOWEB00001";
  private static Simulation sim;
  private static CloudFrontClient cf;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    cf = DemoClients.client(sim, CloudFrontClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    cf.close();
    sim.close();
  }

  @Test
  void distributionsPageByMarkerAndUnknownOnesAreNoSuchDistribution() {
    DistributionList first = cf.listDistributions(b -> b.maxItems("1")).distributionList();
    assertThat(first.items()).extracting(DistributionSummary::id).containsExactly("E1DEMOWEB00001");
    assertThat(first.isTruncated()).isTrue();
    assertThat(first.quantity()).isEqualTo(1);
    DistributionList second = cf.listDistributions(b -> b.maxItems("1").marker(first.nextMarker()))
        .distributionList();
    assertThat(second.items()).extracting(DistributionSummary::id).containsExactly("E1DEMOLEGACY01");
    assertThat(second.isTruncated()).isFalse();
    assertThat(second.nextMarker()).isNull();
    assertThat(first.items().get(0).aliases().items()).containsExactly("www.demo.example");
    assertThat(cf.getDistribution(b -> b.id("E1DEMOWEB00001")).eTag()).isNotEmpty();
    assertThatThrownBy(() -> cf.getDistribution(b -> b.id("ENOPE")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchDistribution");
        });
    assertThatThrownBy(() -> cf.listDistributions(b -> b.marker("forged")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
    assertThatThrownBy(() -> cf.listDistributions(b -> b.maxItems("lots")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
  }

  @Test
  void functionsListTheDevelopmentStageUnlessAskedForLiveAndPoliciesFilterByType() {
    assertThat(cf.listFunctions(b -> { }).functionList().items()).extracting(FunctionSummary::status)
        .containsExactly("UNPUBLISHED");
    assertThat(cf.listFunctions(b -> b.stage(FunctionStage.LIVE)).functionList().items()).hasSize(2);
    assertThat(cf.listCachePolicies(b -> b.type(CachePolicyType.MANAGED)).cachePolicyList().items())
        .singleElement().satisfies(p -> assertThat(p.cachePolicy().cachePolicyConfig().name())
            .isEqualTo("Managed-CachingDisabled"));
  }

  @Test
  void tagsAreWrittenByArnAndUnknownOrMalformedArnsAreRefused() {
    cf.tagResource(b -> b.resource(WEB_ARN).tags(t -> t.items(i -> i.key("owner").value("web"))));
    assertThat(cf.listTagsForResource(b -> b.resource(WEB_ARN)).tags().items())
        .anySatisfy(t -> assertThat(t.key() + "=" + t.value()).isEqualTo("owner=web")).hasSize(3);
    cf.untagResource(b -> b.resource(WEB_ARN).tagKeys(k -> k.items("owner", "absent")));
    assertThat(cf.listTagsForResource(b -> b.resource(WEB_ARN)).tags().items()).hasSize(2);
    // a taggable resource without tags yet gets its first
    String debug = "arn:aws:cloudfront::111111111111:realtime-log-config/debug-all";
    cf.tagResource(b -> b.resource(debug).tags(t -> t.items(i -> i.key("a").value("b"))));
    assertThat(cf.listTagsForResource(b -> b.resource(debug)).tags().items()).hasSize(1);
    assertThatThrownBy(() -> cf.listTagsForResource(b -> b.resource(
        "arn:aws:cloudfront::111111111111:distribution/ENOPE")))
        .isInstanceOfSatisfying(AwsServiceException.class, e -> {
          assertThat(e.statusCode()).isEqualTo(404);
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchResource");
        });
    assertThatThrownBy(() -> cf.listTagsForResource(b -> b.resource("E1DEMOWEB00001")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument"));
  }
}
