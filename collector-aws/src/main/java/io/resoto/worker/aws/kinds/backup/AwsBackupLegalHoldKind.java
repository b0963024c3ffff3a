package io.resoto.worker.aws.kinds.backup;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.backup.BackupClient;
import software.amazon.awssdk.services.backup.model.LegalHold;

/**
 * {@code aws_backup_legal_hold}: the legal holds of a region (ListLegalHolds), each with its tags
 * (ListTags). id is the hold's id, name its {@code Name} tag (else the id), ctime its
 * CreationDate, ARN its LegalHoldArn. As in the original, no edges.
 */
public final class AwsBackupLegalHoldKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_backup_legal_hold";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("config", "storage")
      .property("title", "string", "The title of the legal hold.")
      .property("status", "string", "The status: CREATING, ACTIVE, CANCELING or CANCELED.")
      .property("description", "string", "The description of the legal hold.")
      .property("legal_hold_id", "string", "The id of the legal hold.")
      .property("legal_hold_arn", "string", "The ARN of the legal hold.")
      .property("creation_date", "datetime", "When the legal hold was created.")
      .property("cancellation_date", "datetime", "When the legal hold was cancelled.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBackupLegalHoldKind() {
    this(1000);
  }

  /** The kind listing legal holds in pages of this size (1..1000). */
  AwsBackupLegalHoldKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "backup", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("backup:ListLegalHolds", BackupValues.LIST_TAGS);
  }

  @Override
  public Optional<TagSupport> tagSupport() {
    return Optional.of(BackupValues.TAGS);
  }

  @Override
  public void collect(KindContext ctx) {
    BackupClient backup = ctx.client(BackupClient.builder());
    for (LegalHold h : backup.listLegalHoldsPaginator(r -> r.maxResults(pageSize)).legalHolds()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        ctx.add(node(ctx, h, BackupValues.tags(backup, h.legalHoldArn())));
      });
    }
  }

  /** Maps a legal hold: id = LegalHoldId, name = its Name tag, else the id. */
  static Node node(KindContext ctx, LegalHold h, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, h.legalHoldId()).name(BackupValues.nameTag(tags, h.legalHoldId())).tags(tags)
        .ctime(h.creationDate())
        .property("title", h.title())
        .property("status", h.statusAsString())
        .property("description", h.description())
        .property("legal_hold_id", h.legalHoldId())
        .property("legal_hold_arn", h.legalHoldArn())
        .property("creation_date", h.creationDate())
        .property("cancellation_date", h.cancellationDate());
    return KindContext.arn(b, h.legalHoldArn()).build();
  }
}
