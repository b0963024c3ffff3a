package io.resoto.worker.aws.kinds.servicequotas;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindEstates;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.TagChecks;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceTypeKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeTypeKind;
import io.resoto.worker.aws.kinds.ec2.AwsVpcKind;
import io.resoto.worker.aws.kinds.iam.AwsIamServerCertificateKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.servicequotas.ServiceQuotasClient;
import software.amazon.awssdk.services.servicequotas.model.Tag;

class AwsServiceQuotaKindTest extends KindTestHarness {

  static final String STANDARD_ARN = "arn:aws:servicequotas:us-east-1:111111111111:ec2/L-1216C47A";

  @Test
  void onlyKnownQuotasBecomeNodesLinkedToWhatTheyLimit() throws Exception {
    AwsServiceQuotaKind kind = new AwsServiceQuotaKind();
    Graph g = collect(kind, new AwsEc2InstanceTypeKind(), new AwsEc2VolumeTypeKind(), new AwsVpcKind(),
        new AwsIamServerCertificateKind());

    assertEveryPropertyFilled(g, kind);
    // "EC2-VPC Elastic IPs", "Snapshots per Region" and "Roles per account" match no name the original keeps
    assertThat(nodes(g, AwsServiceQuotaKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        "L-1216C47A", "L-DB2E81BA", "L-417A185B", "L-7295265B", "L-D18FCD1D", "L-7A658B76", "L-82ACEF56",
        "L-F678F1CE", "L-A4707A72", "L-53DA6B97", "L-E9E9831D", "L-BF35879D");
    Node standard = node(g, AwsServiceQuotaKind.KIND, "L-1216C47A");
    assertThat(standard.name()).isEqualTo("Running On-Demand Standard (A, C, D, H, I, M, R, T, Z) instances");
    assertThat(standard.region()).isEqualTo("us-east-1");
    assertThat(standard.properties()).containsEntry("arn", STANDARD_ARN).containsEntry("quota", 640.0)
        .containsEntry("quota_service_code", "ec2").containsEntry("quota_adjustable", true);

    List<String> edges = edges(g, EdgeType.DEFAULT).stream().filter(e -> e.startsWith(AwsServiceQuotaKind.KIND))
        .toList();
    String std = "aws_service_quota:" + standard.name();
    assertThat(edges).contains(std + " -> aws_ec2_instance_type:m5.large", std + " -> aws_ec2_instance_type:t3.micro",
        "aws_service_quota:Running On-Demand G and VT instances -> aws_ec2_instance_type:g4dn.xlarge",
        "aws_service_quota:Storage for General Purpose SSD (gp3) volumes, in TiB -> aws_ec2_volume_type:gp3",
        "aws_service_quota:Server certificates per account -> aws_iam_server_certificate:www-demo-example-com");
    assertThat(edges).doesNotContain(std + " -> aws_ec2_instance_type:g4dn.xlarge");
    assertThat(edges).filteredOn(e -> e.startsWith("aws_service_quota:Running On-Demand P instances")).isEmpty();
    // the VPC quotas of us-east-1 point to the VPCs of us-east-1 only
    List<String> vpcsOfEast = nodes(g, "aws_vpc").stream().filter(n -> n.region().equals("us-east-1"))
        .map(Node::name).toList();
    assertThat(vpcsOfEast).isNotEmpty();
    assertThat(edges).filteredOn(e -> e.startsWith("aws_service_quota:VPCs per Region"))
        .hasSize(vpcsOfEast.size());
  }

  @Test
  void loadBalancerQuotasPointToTheRegionsLoadBalancers() throws Exception {
    Graph g = collect(new AwsServiceQuotaKind(), new io.resoto.worker.aws.kinds.elbv2.AwsAlbKind(),
        new io.resoto.worker.aws.kinds.elb.AwsElbKind());
    List<String> albs = nodes(g, "aws_alb").stream().filter(n -> "us-east-1".equals(n.region()))
        .map(n -> "aws_service_quota:Application Load Balancers per Region -> aws_alb:" + n.name()).toList();
    List<String> elbs = nodes(g, "aws_elb").stream().filter(n -> "us-east-1".equals(n.region()))
        .map(n -> "aws_service_quota:Classic Load Balancers per Region -> aws_elb:" + n.name()).toList();
    assertThat(albs).isNotEmpty();
    assertThat(elbs).isNotEmpty();
    assertThat(edges(g, io.resoto.worker.graph.EdgeType.DEFAULT))
        .filteredOn(e -> e.contains(" -> aws_alb:") || e.contains(" -> aws_elb:"))
        .filteredOn(e -> e.startsWith("aws_service_quota:"))
        .containsExactlyInAnyOrderElementsOf(java.util.stream.Stream.concat(albs.stream(), elbs.stream()).toList());
  }

  @Test
  void theOnDemandQuotasCoverTheirFamilies() {
    String standard = "Standard (A, C, D, H, I, M, R, T, Z)";
    assertThat(AwsServiceQuotaKind.covers(standard, "m5.large")).isTrue();
    assertThat(AwsServiceQuotaKind.covers(standard, "im4gn.large")).isTrue();
    assertThat(AwsServiceQuotaKind.covers(standard, "inf1.xlarge")).isFalse();
    assertThat(AwsServiceQuotaKind.covers(standard, "dl1.24xlarge")).isFalse();
    assertThat(AwsServiceQuotaKind.covers(standard, "g4dn.xlarge")).isFalse();
    assertThat(AwsServiceQuotaKind.covers("G and VT", "vt1.3xlarge")).isTrue();
    assertThat(AwsServiceQuotaKind.covers("G and VT", "g5.xlarge")).isTrue();
    assertThat(AwsServiceQuotaKind.covers("Inf", "inf2.xlarge")).isTrue();
    assertThat(AwsServiceQuotaKind.covers("High Memory", "u-6tb1.metal")).isTrue();
    assertThat(AwsServiceQuotaKind.covers("X", "x2idn.large")).isTrue();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    List<Map<String, Object>> quotas = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      quotas.add(Map.of("ServiceCode", "ebs", "QuotaCode", "L-" + i, "QuotaName", "Snapshots " + i,
          "QuotaArn", "arn:aws:servicequotas:us-west-2:111111111111:ebs/L-" + i));
    }
    quotas.add(Map.of("ServiceCode", "ebs", "QuotaCode", "L-GP2", "QuotaName",
        "Storage for General Purpose SSD (gp2) volumes, in TiB", "QuotaArn",
        "arn:aws:servicequotas:us-west-2:111111111111:ebs/L-GP2"));
    try (Simulation big = Simulation.start(KindEstates.with("many-quotas", Map.of("111111111111",
        Map.of("us-west-2", Map.of("service-quotas", Map.of("Quotas", quotas))))))) {
      Graph g = collect(big, new AwsServiceQuotaKind(3));
      // the one kept quota comes last, on the third page
      assertThat(nodes(g, AwsServiceQuotaKind.KIND)).extracting(Node::resourceId).containsExactly("L-GP2");
    }
  }

  @Test
  void aQuotaIsTaggedAndUntaggedByItsArn() throws Exception {
    try (ServiceQuotasClient sq = ServiceQuotasClient.builder().endpointOverride(sim.endpoint())
        .region(Region.US_EAST_1).credentialsProvider(TagChecks.demoCredentials()).build()) {
      TagChecks.tagAndUntag(sim, TagChecks.target(AwsServiceQuotaKind.KIND, "L-1216C47A", "standard", STANDARD_ARN,
          "us-east-1", Map.of()), () -> sq.listTagsForResource(r -> r.resourceARN(STANDARD_ARN)).tags().stream()
          .collect(Collectors.toMap(Tag::key, Tag::value)));
    }
  }
}
