package io.resoto.worker.aws.kinds.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsConfig;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.awssim.fault.FaultRule;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsS3AccountSettingsKindTest extends KindTestHarness {

  private static final String MGMT = "111111111111";

  @Test
  void theAccountsPublicAccessBlockIsOneNodeThatTheAccountAndItsBucketsHangOff() throws Exception {
    AwsS3AccountSettingsKind kind = new AwsS3AccountSettingsKind();
    Graph g = collect(kind, new AwsS3BucketKind());

    assertThat(nodes(g, AwsS3AccountSettingsKind.KIND)).hasSize(1);
    assertEveryPropertyFilled(g, kind);
    Node settings = node(g, AwsS3AccountSettingsKind.KIND, MGMT);
    assertThat(settings.name()).isEqualTo("demo-mgmt");
    assertThat(settings.properties())
        .containsEntry("bucket_public_access_block_configuration", Map.of("block_public_acls", true,
            "ignore_public_acls", true, "block_public_policy", true, "restrict_public_buckets", false))
        .containsEntry("arn", "arn:aws:s3control:global:111111111111:account/demo-mgmt");
    assertThat(settings.idKeyExtra()).containsExactly("arn:aws:s3control:global:111111111111:account/demo-mgmt");
    // as in the original: under the global region like every global node, and the account points to it
    assertThat(settings.region()).isEqualTo("us-east-1");
    assertUnderGlobalRegion(g, settings);
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_account:demo-mgmt -> aws_s3_account_settings:demo-mgmt",
        "aws_s3_account_settings:demo-mgmt -> aws_s3_bucket:demo-mgmt-artifacts",
        "aws_s3_account_settings:demo-mgmt -> aws_s3_bucket:demo-mgmt-logs");
    assertThat(sim.aws().counters().get("s3control", "GetPublicAccessBlock").calls()).isPositive();
  }

  @Test
  void anAccountWithoutAConfigurationStillHasItsNodeWithNothingBlocked() throws Exception {
    Map<String, Object> doc = demoWithResources(Map.of(MGMT, Map.of("global", Map.of("s3", Map.of("Buckets",
        List.of(Map.of("Name", "lonely-bucket", "CreationDate", "2024-01-01T00:00:00Z")))))));
    try (Simulation bare = Simulation.start(Estate.parse(new Yaml().dump(doc), "no-account-block"))) {
      Graph g = collect(bare, new AwsS3AccountSettingsKind(), new AwsS3BucketKind());

      Node settings = node(g, AwsS3AccountSettingsKind.KIND, MGMT);
      assertThat(settings.properties()).containsEntry("bucket_public_access_block_configuration",
          Map.of("block_public_acls", false, "ignore_public_acls", false, "block_public_policy", false,
              "restrict_public_buckets", false));
      assertThat(edges(g, EdgeType.DEFAULT)).contains(
          "aws_account:demo-mgmt -> aws_s3_account_settings:demo-mgmt",
          "aws_s3_account_settings:demo-mgmt -> aws_s3_bucket:lonely-bucket");
      // the answer was S3 Control's "not configured" error, not a skipped call
      assertThat(bare.aws().counters().get("s3control", "GetPublicAccessBlock").failed()).isEqualTo(1);
    }
  }

  @Test
  void withoutBucketsTheNodeHasNoBucketEdges() throws Exception {
    Graph g = collect(new AwsS3AccountSettingsKind());

    Node settings = node(g, AwsS3AccountSettingsKind.KIND, MGMT);
    assertThat(g.edges()).noneMatch(e -> e.from().equals(settings.id()));
  }

  @Test
  void deniedS3ControlIsAnExpectedSkipThatLeavesTheBucketsAlone() throws Exception {
    // S3 Control signs as s3 but is its own service to fault rules, as to the task cap
    sim.aws().faults().add(FaultRule.forService("s3control").accessDenied(true));
    AwsConfig c = TestSupport.config(sim, Map.of());
    try (AwsClientFactory clients = new AwsClientFactory(c)) {
      AccountCollector.Result r = new AccountCollector(c, clients, TestSupport.resolver(),
          List.of(new AwsS3AccountSettingsKind(), new AwsS3BucketKind()), context).collect(TestSupport.managementAccount());

      assertThat(r.problems()).filteredOn(p -> p.kind() != null).singleElement().satisfies(p -> {
        assertThat(p.kind()).isEqualTo(AwsS3AccountSettingsKind.KIND);
        assertThat(p.level()).isEqualTo(AccountCollector.Level.WARN);
        assertThat(p.message()).containsIgnoringCase("access denied");
      });
      Graph g = r.graph().graph();
      assertThat(nodes(g, AwsS3AccountSettingsKind.KIND)).isEmpty();
      assertThat(nodes(g, AwsS3BucketKind.KIND)).hasSize(2);
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> demoWithResources(Map<String, Object> resources) throws Exception {
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = new Yaml().load(in);
    }
    doc.put("resources", resources);
    return doc;
  }
}
