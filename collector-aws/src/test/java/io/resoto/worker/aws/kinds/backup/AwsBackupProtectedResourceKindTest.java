package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.ec2.AwsEc2VolumeKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsBackupProtectedResourceKindTest extends BackupTestBase {

  @Test
  void protectedResourcesAreMappedAndPointToTheResources() throws Exception {
    AwsBackupProtectedResourceKind kind = new AwsBackupProtectedResourceKind();
    Graph g = collect(kind, new AwsBackupVaultKind(), new AwsBackupRecoveryPointKind(), new AwsEc2VolumeKind(),
        new AwsEc2InstanceKind(), new AwsS3BucketKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsBackupProtectedResourceKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(
        "vol-0a11c0e0000000001", "i-0a11c0e0000000001", "demo-mgmt-artifacts", "orders-db", "sessions",
        "fs-0a11c0e000000001");
    Node volume = node(g, AwsBackupProtectedResourceKind.KIND, "vol-0a11c0e0000000001");
    assertThat(volume.name()).isEqualTo("web-root");
    assertThat(volume.properties())
        .containsEntry("resource_arn", "arn:aws:ec2:us-east-1:111111111111:volume/vol-0a11c0e0000000001")
        .containsEntry("resource_type", "EBS")
        .containsEntry("last_backup_time", Instant.parse("2024-06-01T05:00:00Z"))
        .containsEntry("last_recovery_point_arn", RP_EBS)
        .containsEntry("last_backup_vault_arn", VAULTS + "prod-vault")
        .doesNotContainKey("arn");

    String vol = node(g, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001").name();
    String inst = node(g, AwsEc2InstanceKind.KIND, "i-0a11c0e0000000001").name();
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupProtectedResourceKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_backup_protected_resource:web-root -> aws_ec2_volume:" + vol,
            "aws_backup_protected_resource:web-1 -> aws_ec2_instance:" + inst,
            "aws_backup_protected_resource:demo-mgmt-artifacts -> aws_s3_bucket:demo-mgmt-artifacts");
    assertThat(edges(g, EdgeType.DEFAULT)).contains(
        "aws_backup_vault:prod-vault -> aws_backup_protected_resource:web-root",
        "aws_backup_recovery_point:web-root-2024-06-01 -> aws_backup_protected_resource:web-root");
  }

  @Test
  void aDynamoDbTableIsFoundByItsArn() throws Exception {
    Graph g = collect(new AwsBackupProtectedResourceKind(),
        new io.resoto.worker.aws.kinds.dynamodb.AwsDynamoDbTableKind());
    String table = nodes(g, "aws_dynamodb_table").stream()
        .filter(n -> "arn:aws:dynamodb:us-east-1:111111111111:table/sessions".equals(n.properties().get("arn")))
        .findFirst().orElseThrow().name();
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsBackupProtectedResourceKind.KIND))
        .filteredOn(e -> e.contains(" -> aws_dynamodb_table:"))
        .containsExactly("aws_backup_protected_resource:sessions -> aws_dynamodb_table:" + table);
  }

  @Test
  void theArnNamesTheResourceOfItsKind() {
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:rds:us-east-1:1:db:orders-db"))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_rds_instance", "orders-db"));
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:rds:us-east-1:1:cluster:orders"))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_rds_cluster", "orders"));
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:dynamodb:us-east-1:1:table/sessions"))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_dynamodb_global_table", "sessions"));
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:elasticfilesystem:us-east-1:1:file-system/fs-1"))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_efs_file_system", "fs-1"));
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:redshift:us-east-1:1:cluster:dwh"))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_redshift_cluster", "dwh"));
    String stack = "arn:aws:cloudformation:us-east-1:1:stack/app/0a11c0e0-0000-4000-8000-000000000001";
    assertThat(AwsBackupProtectedResourceKind.target(stack))
        .isEqualTo(new AwsBackupProtectedResourceKind.Target("aws_cloudformation_stack", stack));
    assertThat(AwsBackupProtectedResourceKind.target("arn:aws:fsx:us-east-1:1:file-system/fs-1")).isNull();
    assertThat(AwsBackupProtectedResourceKind.target("not-an-arn")).isNull();
  }

  @Test
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    try (Simulation big = many(7, Map.of("ProtectedResources", i -> Map.of(
        "ResourceArn", "arn:aws:ec2:us-west-2:111111111111:volume/vol-" + i, "ResourceType", "EBS",
        "ResourceName", "volume-" + i)))) {
      Graph g = collect(big, new AwsBackupProtectedResourceKind(3));
      assertThat(nodes(g, AwsBackupProtectedResourceKind.KIND)).hasSize(7);
      assertThat(node(g, AwsBackupProtectedResourceKind.KIND, "vol-6").name()).isEqualTo("volume-6");
    }
  }
}
