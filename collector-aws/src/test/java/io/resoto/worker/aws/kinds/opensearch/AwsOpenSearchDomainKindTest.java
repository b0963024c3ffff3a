package io.resoto.worker.aws.kinds.opensearch;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SecurityGroupKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2SubnetKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
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

class AwsOpenSearchDomainKindTest extends KindTestHarness {

  @Test
  @SuppressWarnings("unchecked")
  void domainsAreMappedFromDescribeDomains() throws Exception {
    AwsOpenSearchDomainKind kind = new AwsOpenSearchDomainKind();
    Graph g = collect(kind, new AwsVpcKind(), new AwsEc2SubnetKind(), new AwsEc2SecurityGroupKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(kind.tagSupport()).isEmpty();
    Node prod = node(g, AwsOpenSearchDomainKind.KIND, "111111111111/search-prod");
    assertThat(prod.name()).isEqualTo("search-prod");
    assertThat(prod.tags()).isEmpty();
    assertThat(prod.properties()).containsEntry("arn", "arn:aws:es:us-east-1:111111111111:domain/search-prod")
        .containsEntry("opensearch_engine_version", "OpenSearch_2.13")
        .containsEntry("opensearch_ebs_options", Map.of("ebs_enabled", true, "volume_type", "gp3", "volume_size", 100L,
            "iops", 3000L, "throughput", 125L));
    assertThat((Map<String, Object>) prod.properties().get("opensearch_cluster_config"))
        .containsEntry("instance_type", "r6g.large.search").containsEntry("instance_count", 3L);
    assertThat(node(g, AwsOpenSearchDomainKind.KIND, "111111111111/logs-legacy").properties())
        .containsEntry("opensearch_processing", true).containsEntry("opensearch_domain_processing_status", "Modifying");

    // the Cognito user pool kind is another group's: its edge is made once that kind is collected
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.endsWith("aws_opensearch_domain:search-prod") && !e.startsWith("aws_region"))
        .containsExactlyInAnyOrder("aws_vpc:prod -> aws_opensearch_domain:search-prod",
            "aws_ec2_subnet:prod-public-a -> aws_opensearch_domain:search-prod",
            "aws_ec2_subnet:prod-private-b -> aws_opensearch_domain:search-prod",
            "aws_ec2_security_group:prod-web -> aws_opensearch_domain:search-prod");
    assertThat(edges(g, EdgeType.DELETE)).filteredOn(e -> e.endsWith("aws_opensearch_domain:search-prod"))
        .contains("aws_vpc:prod -> aws_opensearch_domain:search-prod");
  }

  @Test
  @SuppressWarnings("unchecked")
  void domainsAreDescribedFiveAtATime() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> domains = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      domains.add(Map.of("DomainId", "111111111111/d-" + i, "DomainName", "d-" + i,
          "ARN", "arn:aws:es:us-west-2:111111111111:domain/d-" + i, "EngineVersion", "OpenSearch_2." + i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("opensearch", Map.of("Domains", domains)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-domains"))) {
      Graph g = collect(big, new AwsOpenSearchDomainKind());
      assertThat(nodes(g, AwsOpenSearchDomainKind.KIND)).hasSize(12);
      assertThat(node(g, AwsOpenSearchDomainKind.KIND, "111111111111/d-11").properties())
          .containsEntry("opensearch_engine_version", "OpenSearch_2.11");
    }
  }
}
