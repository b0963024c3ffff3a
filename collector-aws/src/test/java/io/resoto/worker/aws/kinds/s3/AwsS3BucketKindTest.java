package io.resoto.worker.aws.kinds.s3;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsS3BucketKindTest extends KindTestHarness {

  @Test
  void bucketsAreMappedWithTheirConfiguration() throws Exception {
    AwsS3BucketKind kind = new AwsS3BucketKind();
    Graph g = collect(kind);

    assertThat(nodes(g, AwsS3BucketKind.KIND)).extracting(Node::name)
        .containsExactlyInAnyOrder("demo-mgmt-artifacts", "demo-mgmt-logs");
    assertEveryPropertyFilled(g, kind);
    Node artifacts = node(g, AwsS3BucketKind.KIND, "demo-mgmt-artifacts");
    assertThat(artifacts.name()).isEqualTo("demo-mgmt-artifacts");
    assertThat(artifacts.ctime()).isEqualTo(Instant.parse("2021-06-02T09:00:00Z"));
    assertThat(artifacts.tags()).isEqualTo(Map.of("owner", "release-team", "env", "prod"));
    assertThat(artifacts.properties()).containsEntry("arn", "arn:aws:s3:::demo-mgmt-artifacts")
        .containsEntry("bucket_location", "us-east-1").containsEntry("bucket_versioning", true)
        .containsEntry("versioning_enabled", true).containsEntry("encryption_enabled", true)
        .containsEntry("bucket_encryption_rules", List.of("AES256"))
        .containsEntry("bucket_logging", "demo-mgmt-logs/artifacts/")
        .doesNotContainKeys("bucket_policy", "bucket_lifecycle_policy");
    assertThat(artifacts.idKeyExtra()).containsExactly("arn:aws:s3:::demo-mgmt-artifacts");
    Node logs = node(g, AwsS3BucketKind.KIND, "demo-mgmt-logs");
    assertThat(logs.properties()).containsEntry("bucket_location", "eu-central-1")
        .containsEntry("bucket_versioning", false)
        .containsEntry("bucket_lifecycle_policy", List.of("expire-old-logs:Enabled"))
        .containsEntry("bucket_public_access_block_configuration", Map.of("block_public_acls", true,
            "ignore_public_acls", true, "block_public_policy", false, "restrict_public_buckets", false));
    assertThat((String) logs.properties().get("bucket_policy")).contains("logging.s3.amazonaws.com");
    assertThat((List<?>) logs.properties().get("bucket_acl")).singleElement().asString().endsWith("=FULL_CONTROL");
    // S3 buckets are global: collected once, under the global region, whatever their location
    assertThat(logs.region()).isEqualTo("us-east-1");
    assertUnderGlobalRegion(g, logs);
  }
}
