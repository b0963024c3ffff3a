package io.resoto.worker.aws.kinds.cloudfront;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.acm.AwsAcmCertificateKind;
import io.resoto.worker.aws.kinds.iam.AwsIamServerCertificateKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociation;
import software.amazon.awssdk.services.cloudfront.model.LambdaFunctionAssociations;
import software.amazon.awssdk.services.cloudfront.model.Origin;

class AwsCloudFrontDistributionKindTest extends CloudFrontTestBase {

  static final String WEB_ARN = "arn:aws:cloudfront::111111111111:distribution/E1DEMOWEB00001";

  @Test
  @SuppressWarnings("unchecked")
  void distributionsAreMappedWithTheirTagsAndEdges() throws Exception {
    AwsCloudFrontDistributionKind kind = new AwsCloudFrontDistributionKind();
    Graph g = collect(kind, new AwsCloudFrontCachePolicyKind(), new AwsCloudFrontFieldLevelEncryptionConfigKind(),
        new AwsCloudFrontFunctionKind(), new AwsCloudFrontOriginAccessControlKind(),
        new AwsCloudFrontRealtimeLogConfigKind(), new AwsCloudFrontResponseHeadersPolicyKind(),
        new AwsAcmCertificateKind(), new AwsIamServerCertificateKind(), new AwsS3BucketKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsCloudFrontDistributionKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("E1DEMOWEB00001", "E1DEMOLEGACY01");
    Node web = node(g, AwsCloudFrontDistributionKind.KIND, "E1DEMOWEB00001");
    assertUnderGlobalRegion(g, web);
    assertThat(web.name()).isEqualTo("d1demoweb00001.cloudfront.net");
    assertThat(web.mtime()).isEqualTo(Instant.parse("2024-05-02T10:00:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("team", "web", "env", "prod"));
    assertThat(web.properties())
        .containsEntry("arn", WEB_ARN)
        .containsEntry("distribution_status", "Deployed")
        .containsEntry("distribution_in_progress_invalidation_batches", 1L)
        .containsEntry("distribution_alias_icp_recordals",
            List.of(Map.of("cname", "www.demo.example", "icp_recordal_status", "APPROVED")));
    Map<String, Object> config = (Map<String, Object>) web.properties().get("distribution_config");
    assertThat(config).containsEntry("aliases", List.of("www.demo.example"))
        .containsEntry("price_class", "PriceClass_100").containsEntry("enabled", true)
        .containsEntry("http_version", "http2and3").containsEntry("is_ipv6_enabled", true);
    Map<String, Object> origin = ((List<Map<String, Object>>) config.get("origins")).get(0);
    assertThat(origin).containsEntry("id", "demo-mgmt-artifacts")
        .containsEntry("origin_access_control_id", "E2DEMOOAC00001")
        .containsEntry("origin_shield", Map.of("enabled", true, "origin_shield_region", "us-east-1"));
    Map<String, Object> dcb = (Map<String, Object>) config.get("default_cache_behavior");
    assertThat(dcb).containsEntry("viewer_protocol_policy", "redirect-to-https")
        .containsEntry("allowed_methods", Map.of("quantity", 2, "items", List.of("GET", "HEAD"),
            "cached_methods", List.of("GET", "HEAD")));
    assertThat((Map<String, Object>) web.properties().get("distribution_active_trusted_signers"))
        .containsEntry("enabled", true).containsEntry("quantity", 1);

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsCloudFrontDistributionKind.KIND + ":"))
        .containsExactlyInAnyOrder(
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net -> aws_acm_certificate:www.demo.example",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net -> aws_cloudfront_cache_policy:demo-web-cache",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net"
                + " -> aws_cloudfront_field_level_encryption_config:C1DEMOFLECONFIG1",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net -> aws_cloudfront_function:rewrite-index",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net"
                + " -> aws_cloudfront_origin_access_control:demo-mgmt-artifacts-oac",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net"
                + " -> aws_cloudfront_realtime_log_config:demo-web-realtime",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net"
                + " -> aws_cloudfront_response_headers_policy:0a11c0e0-cfeb-4000-8000-000000000001",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net"
                + " -> aws_cloudfront_response_headers_policy:0a11c0e0-cfeb-4000-8000-000000000002",
            "aws_cloudfront_distribution:d1demoweb00001.cloudfront.net -> aws_s3_bucket:demo-mgmt-artifacts",
            "aws_cloudfront_distribution:d1demolegacy01.cloudfront.net -> aws_cloudfront_function:add-security-headers",
            "aws_cloudfront_distribution:d1demolegacy01.cloudfront.net"
                + " -> aws_cloudfront_cache_policy:Managed-CachingDisabled",
            "aws_cloudfront_distribution:d1demolegacy01.cloudfront.net"
                + " -> aws_iam_server_certificate:www-demo-example-com",
            "aws_cloudfront_distribution:d1demolegacy01.cloudfront.net -> aws_s3_bucket:demo-mgmt-logs");
  }

  @Test
  void lambdaEdgeArnsAndS3OriginsNameTheirTargets() {
    LambdaFunctionAssociations lambdas = LambdaFunctionAssociations.builder().quantity(2).items(
        LambdaFunctionAssociation.builder().lambdaFunctionARN("arn:aws:lambda:us-east-1:1:function:edge-auth:3").build(),
        LambdaFunctionAssociation.builder().lambdaFunctionARN("not-an-arn").build()).build();
    assertThat(AwsCloudFrontDistributionKind.lambdaFunctions(lambdas)).containsExactly("edge-auth");
    assertThat(AwsCloudFrontDistributionKind.bucketName(Origin.builder()
        .domainName("media.s3.eu-central-1.amazonaws.com").build())).isEqualTo("media");
    assertThat(AwsCloudFrontDistributionKind.bucketName(Origin.builder()
        .domainName("old.s3-website-us-east-1.amazonaws.com").build())).isEqualTo("old");
    assertThat(AwsCloudFrontDistributionKind.bucketName(Origin.builder().domainName("api.demo.example").build()))
        .isNull();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = withItems("Distributions", 7, i -> Map.of("Id", "E" + i,
        "ARN", "arn:aws:cloudfront::111111111111:distribution/E" + i, "DomainName", "d" + i + ".cloudfront.net",
        "Status", "Deployed"))) {
      Graph g = collect(big, new AwsCloudFrontDistributionKind(3));
      assertThat(nodes(g, AwsCloudFrontDistributionKind.KIND)).hasSize(7);
      assertThat(node(g, AwsCloudFrontDistributionKind.KIND, "E6").name()).isEqualTo("d6.cloudfront.net");
    }
  }

  @Test
  void tagsChangeThroughTagResource() throws Exception {
    assertTagsChange(AwsCloudFrontDistributionKind.KIND, "E1DEMOWEB00001", WEB_ARN);
  }
}
