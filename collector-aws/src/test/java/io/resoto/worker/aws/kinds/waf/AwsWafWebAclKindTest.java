package io.resoto.worker.aws.kinds.waf;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.elbv2.AwsAlbKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsWafWebAclKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void regionalAclsInEveryRegionAndCloudFrontOnesOnce() throws Exception {
    AwsWafWebAclKind kind = new AwsWafWebAclKind();
    Graph g = collect(kind, new AwsAlbKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(kind.tagSupport()).isEmpty();
    // the regional ACL of eu-central-1 is collected too (the original only reads us-east-1)
    assertThat(nodes(g, AwsWafWebAclKind.KIND)).extracting(n -> n.name() + "@" + n.region() + "=" + n.properties().get("waf_scope"))
        .containsExactlyInAnyOrder("demo-web-acl@us-east-1=REGIONAL", "cdn-acl@us-east-1=CLOUDFRONT",
            "eu-shop-acl@eu-central-1=REGIONAL");
    Node web = node(g, AwsWafWebAclKind.KIND, "0a11c0e0-0000-4000-8000-0000000000f1");
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:wafv2:us-east-1:111111111111:regional/webacl/demo-web-acl/0a11c0e0-0000-4000-8000-0000000000f1")
        .containsEntry("waf_default_action", Map.of("allow", Map.of()))
        .containsEntry("waf_capacity", 750L)
        .containsEntry("waf_associated_resources", List.of(
            "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/demo-web/0a11c0e000000001",
            "arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod",
            "arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_0a11c0e01"));
    assertThat((Map<String, Object>) web.properties().get("waf_logging_configuration"))
        .containsEntry("log_type", "WAF_LOGS");
    assertThat((List<Map<String, Object>>) web.properties().get("waf_rules")).extracting(r -> r.get("name"))
        .containsExactly("geo-block", "rate-limit");
    Node cdn = node(g, AwsWafWebAclKind.KIND, "0a11c0e0-0000-4000-8000-0000000000f2");
    assertThat(cdn.properties().get("waf_logging_configuration")).isNull();
    assertThat(cdn.properties().get("waf_associated_resources")).isNull();

    // API Gateway and Cognito are other groups' kinds: only the load balancer is there to point to
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_waf_web_acl:"))
        .containsExactly("aws_waf_web_acl:demo-web-acl -> aws_alb:demo-web");
  }

  @Test
  void protectedResourcesAreReadFromTheirArns() {
    assertThat(AwsWafWebAclKind.loadBalancerName(
        "arn:aws:elasticloadbalancing:us-east-1:111111111111:loadbalancer/app/demo-web/0a11c0e000000001")).isEqualTo("demo-web");
    assertThat(AwsWafWebAclKind.restApiId("arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod"))
        .isEqualTo("a1b2c3d4e5");
    assertThat(AwsWafWebAclKind.userPoolId("arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_abc"))
        .isEqualTo("us-east-1_abc");
    assertThat(AwsWafWebAclKind.restApiId("arn:aws:cognito-idp:us-east-1:111111111111:userpool/us-east-1_abc")).isNull();
    assertThat(AwsWafWebAclKind.userPoolId("arn:aws:apigateway:us-east-1::/restapis/a1b2c3d4e5/stages/prod")).isNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> acls = new ArrayList<>();
    List<Map<String, Object>> logging = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      String arn = "arn:aws:wafv2:us-west-2:111111111111:regional/webacl/acl-" + i + "/id-" + i;
      acls.add(Map.of("Name", "acl-" + i, "Id", "id-" + i, "Capacity", 10 + i, "ARN", arn));
      if (i != 3) {
        logging.add(Map.of("ResourceArn", arn, "LogType", "WAF_LOGS",
            "LogDestinationConfigs", List.of("arn:aws:logs:us-west-2:111111111111:log-group:aws-waf-logs-" + i)));
      }
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("wafv2",
        Map.of("WebACLs", acls, "LoggingConfigurations", logging)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-acls"))) {
      Graph g = collect(big, new AwsWafWebAclKind(3));
      assertThat(nodes(g, AwsWafWebAclKind.KIND)).hasSize(7);
      assertThat(node(g, AwsWafWebAclKind.KIND, "id-6").properties()).containsEntry("waf_capacity", 16L);
      // the logging configurations, listed in pages of 3 too, each on its own ACL
      assertThat((Map<String, Object>) node(g, AwsWafWebAclKind.KIND, "id-6").properties()
          .get("waf_logging_configuration")).containsEntry("log_destination_configs",
              List.of("arn:aws:logs:us-west-2:111111111111:log-group:aws-waf-logs-6"));
      assertThat(node(g, AwsWafWebAclKind.KIND, "id-3").properties().get("waf_logging_configuration")).isNull();
      assertThat(nodes(g, AwsWafWebAclKind.KIND)).filteredOn(n -> n.properties().get("waf_logging_configuration") != null)
          .hasSize(6);
    }
  }
}
