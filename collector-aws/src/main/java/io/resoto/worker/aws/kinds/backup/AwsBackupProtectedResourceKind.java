package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.ProtectedResource;

/**
 * {@code aws_backup_protected_resource}: the resources AWS Backup has backed up in a region
 * (ListProtectedResources). id is the original's: the last part of the resource's ARN (after the
 * last {@code /}, else the last {@code :}); name the resource name. Like the original it has no
 * ARN of its own (the resource's ARN is the protected resource's, in {@code resource_arn}).
 *
 * <p>It points to the resource itself, found by the id its kind gives it, derived from the ARN:
 * S3 bucket, EC2 instance or volume, RDS instance or cluster, DynamoDB global table, EFS file
 * system, Redshift cluster, CloudFormation stack (whose id is its ARN). A DynamoDB table's id is
 * its TableId, which the ARN does not carry: it is found by its ARN, as the original does. The
 * vault of its last backup and its last recovery point point to it.
 */
public final class AwsBackupProtectedResourceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_protected_resource";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("resource", "storage")
      .successors(EdgeType.DEFAULT, "aws_s3_bucket", "aws_ec2_instance", "aws_ec2_volume", "aws_rds_cluster",
          "aws_rds_instance", "aws_dynamodb_table", "aws_dynamodb_global_table", "aws_efs_file_system",
          "aws_redshift_cluster", "aws_cloudformation_stack")
      .property("resource_arn", "string", "The ARN of the protected resource.")
      .property("resource_type", "string", "The type of the protected resource, e.g. EBS, EC2, RDS, DynamoDB, EFS or S3.")
      .property("last_backup_time", "datetime", "When the resource was last backed up.")
      .property("resource_name", "string", "The name of the resource (not unique).")
      .property("last_backup_vault_arn", "string", "The ARN of the vault holding the resource's latest recovery point.")
      .property("last_recovery_point_arn", "string", "The ARN of the resource's latest recovery point.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupProtectedResourceKind() {
    this(1000);
  }

  /** The kind listing protected resources in pages of this size (1..1000). */
  AwsBackupProtectedResourceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListProtectedResources");
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (ProtectedResource r : backup.listProtectedResourcesPaginator(q -> q.maxResults(pageSize)).results()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, r));
      Target target = target(r.resourceArn());
      if (target != null) {
        ctx.edge(node, target.kind(), target.id(), EdgeType.DEFAULT);
      }
      if (target != null && target.kind().equals("aws_dynamodb_global_table")) {
        ctx.edgeToArn(node, "aws_dynamodb_table", r.resourceArn(), EdgeType.DEFAULT);
      }
      ctx.edgeFrom(AwsBackupVaultKind.KIND, r.lastBackupVaultArn(), node, EdgeType.DEFAULT);
      ctx.edgeFrom(AwsBackupRecoveryPointKind.KIND, r.lastRecoveryPointArn(), node, EdgeType.DEFAULT);
    }
  }

  /** Maps a protected resource: id = the ARN's last part, name = ResourceName. */
  static Node node(KindContext ctx, ProtectedResource r) {
    return ctx.node(KIND, BackupValues.idFromArn(r.resourceArn())).name(r.resourceName())
        .property("resource_arn", r.resourceArn())
        .property("resource_type", r.resourceType())
        .property("last_backup_time", r.lastBackupTime())
        .property("resource_name", r.resourceName())
        .property("last_backup_vault_arn", r.lastBackupVaultArn())
        .property("last_recovery_point_arn", r.lastRecoveryPointArn())
        .build();
  }

  /** A node the protected resource points to: its kind and resource id. */
  record Target(String kind, String id) {}

  /** The node of the resource behind this ARN, or null when no collected kind matches it. */
  static Target target(String arn) {
    if (arn == null) {
      return null;
    }
    String[] parts = arn.split(":", 6);
    if (parts.length < 6) {
      return null;
    }
    String service = parts[2];
    String resource = parts[5];
    String id = BackupValues.idFromArn(arn);
    return switch (service) {
      case "s3" -> new Target("aws_s3_bucket", resource);
      case "ec2" -> resource.startsWith("instance/") ? new Target("aws_ec2_instance", id)
          : resource.startsWith("volume/") ? new Target("aws_ec2_volume", id) : null;
      case "rds" -> resource.startsWith("db:") ? new Target("aws_rds_instance", id)
          : resource.startsWith("cluster:") ? new Target("aws_rds_cluster", id) : null;
      case "dynamodb" -> resource.startsWith("table/") ? new Target("aws_dynamodb_global_table", id) : null;
      case "elasticfilesystem" -> resource.startsWith("file-system/") ? new Target("aws_efs_file_system", id) : null;
      case "redshift" -> resource.startsWith("cluster:") ? new Target("aws_redshift_cluster", id) : null;
      case "cloudformation" -> resource.startsWith("stack/") ? new Target("aws_cloudformation_stack", arn) : null;
      default -> null;
    };
  }
}
