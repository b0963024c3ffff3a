package io.resoto.worker.aws.kinds.glacier;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.DescribeVaultOutput;
import software.amazon.awssdk.services.glacier.model.GlacierJobDescription;

/**
 * {@code aws_glacier_job}: the jobs of every Glacier vault (ListVaults, then ListJobs per vault,
 * every page). id and name = the job id, ctime = its creation date; Glacier gives jobs no ARN, so
 * it follows the original's template ({@code arn:aws:glacier:<region>:<account>:job/<id>}). Its
 * vault points to it; it points to the KMS key that encrypts its S3 output and to the SNS topic it
 * notifies (the original makes the topic edge without declaring it; it is declared here).
 *
 * <p>The key also points to the job over a delete edge, as in the original.
 */
public final class AwsGlacierJobKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_glacier_job";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("job", "storage")
      .successors(EdgeType.DEFAULT, AwsKmsKeyKind.KIND, "aws_sns_topic")
      .predecessors(EdgeType.DELETE, AwsKmsKeyKind.KIND)
      .property("description", "string", "The description given when the job was started.")
      .property("glacier_job_action", "string", "What the job does: ArchiveRetrieval, InventoryRetrieval or Select.")
      .property("glacier_job_archive_id", "string", "The archive the job retrieves or selects from.")
      .property("glacier_job_vault_arn", "string", "The ARN of the job's vault.")
      .property("glacier_job_completed", "boolean", "Whether the job has finished.")
      .property("glacier_job_status_code", "string", "The job's status: InProgress, Succeeded or Failed.")
      .property("glacier_job_status_message", "string", "A friendly message about the job's status.")
      .property("glacier_job_archive_size_in_bytes", "int64", "The size of the archive retrieved, in bytes.")
      .property("glacier_job_inventory_size_in_bytes", "int64", "The size of the inventory retrieved, in bytes.")
      .property("glacier_job_sns_topic", "string", "The SNS topic told when the job completes.")
      .property("glacier_job_completion_date", "string", "When the job completed (ISO 8601).")
      .property("glacier_job_sha256_tree_hash", "string", "The SHA-256 tree hash of the retrieved range.")
      .property("glacier_job_archive_sha256_tree_hash", "string", "The SHA-256 tree hash of the whole archive.")
      .property("glacier_job_retrieval_byte_range", "string", "The byte range retrieved, e.g. 0-1048575.")
      .property("glacier_job_tier", "string", "The retrieval tier: Expedited, Standard or Bulk.")
      .property("glacier_job_inventory_retrieval_parameters", "dictionary[string, any]",
          "An inventory retrieval's output format, date range and limit.")
      .property("glacier_job_output_path", "string", "Where a select job writes its output.")
      .property("glacier_job_select_parameters", "dictionary[string, any]",
          "A select job's input and output serialization and its SQL expression.")
      .property("glacier_job_output_location", "dictionary[string, any]",
          "A select job's S3 output: bucket, prefix, encryption, ACL, tags, storage class.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsGlacierJobKind() {
    this(50);
  }

  /** The kind listing vaults and jobs in pages of this size (1..10 vaults, 1..50 jobs; tests page with it). */
  AwsGlacierJobKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "glacier", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("glacier:ListVaults", "glacier:ListJobs");
  }

  @Override
  public void collect(KindContext ctx) {
    GlacierClient glacier = ctx.client(GlacierClient.builder());
    for (DescribeVaultOutput v : GlacierListing.vaults(ctx, Math.min(pageSize, 10))) {
      ctx.submit(() -> {
        for (GlacierJobDescription j : glacier.listJobsPaginator(b -> b.accountId("-").vaultName(v.vaultName())
            .limit(String.valueOf(pageSize))).jobList()) {
          Node node = ctx.add(node(ctx, j));
          ctx.edgeFrom(AwsGlacierVaultKind.KIND, v.vaultName(), node, EdgeType.DEFAULT);
          String key = j.outputLocation() != null && j.outputLocation().s3() != null
              && j.outputLocation().s3().encryption() != null ? j.outputLocation().s3().encryption().kmsKeyId() : null;
          ctx.edge(node, AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(key), EdgeType.DEFAULT);
          ctx.edgeFrom(AwsKmsKeyKind.KIND, AwsKmsKeyKind.keyId(key), node, EdgeType.DELETE);
          ctx.edge(node, "aws_sns_topic", j.snsTopic(), EdgeType.DEFAULT);
        }
      });
    }
  }

  static Node node(KindContext ctx, GlacierJobDescription j) {
    Node.Builder b = ctx.node(KIND, j.jobId()).name(j.jobId()).ctime(AwsGlacierVaultKind.instant(j.creationDate()));
    ApiValues.put(b, "description", j.jobDescription());
    ApiValues.put(b, "glacier_job_action", j.actionAsString());
    ApiValues.put(b, "glacier_job_archive_id", j.archiveId());
    ApiValues.put(b, "glacier_job_vault_arn", j.vaultARN());
    ApiValues.put(b, "glacier_job_completed", j.completed());
    ApiValues.put(b, "glacier_job_status_code", j.statusCodeAsString());
    ApiValues.put(b, "glacier_job_status_message", j.statusMessage());
    ApiValues.put(b, "glacier_job_archive_size_in_bytes", j.archiveSizeInBytes());
    ApiValues.put(b, "glacier_job_inventory_size_in_bytes", j.inventorySizeInBytes());
    ApiValues.put(b, "glacier_job_sns_topic", j.snsTopic());
    ApiValues.put(b, "glacier_job_completion_date", j.completionDate());
    ApiValues.put(b, "glacier_job_sha256_tree_hash", j.sha256TreeHash());
    ApiValues.put(b, "glacier_job_archive_sha256_tree_hash", j.archiveSHA256TreeHash());
    ApiValues.put(b, "glacier_job_retrieval_byte_range", j.retrievalByteRange());
    ApiValues.put(b, "glacier_job_tier", j.tier());
    ApiValues.put(b, "glacier_job_inventory_retrieval_parameters", ApiValues.plain(j.inventoryRetrievalParameters()));
    ApiValues.put(b, "glacier_job_output_path", j.jobOutputPath());
    ApiValues.put(b, "glacier_job_select_parameters", ApiValues.plain(j.selectParameters()));
    ApiValues.put(b, "glacier_job_output_location", ApiValues.plain(j.outputLocation()));
    String arn = "arn:" + ctx.partition() + ":glacier:" + ctx.regionName() + ":" + ctx.account().id() + ":job/"
        + j.jobId();
    return KindContext.arn(b, arn).build();
  }
}
