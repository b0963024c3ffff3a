package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECT;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.plain;
import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.cloudfront.CloudFrontClient;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionList;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionSummary;

/**
 * {@code aws_cloudfront_field_level_encryption_config}: CloudFront field-level encryption
 * configurations (ListFieldLevelEncryptionConfigs, every page). id and name are the
 * configuration's id, mtime its last change.
 *
 * <p>The configuration points to the field-level encryption profiles it uses. The original links
 * only the content-type profiles' profiles; the query-argument profiles name profiles too and are
 * linked as well here.
 */
public final class AwsCloudFrontFieldLevelEncryptionConfigKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_field_level_encryption_config";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("config", "security")
      .successors(EdgeType.DEFAULT, AwsCloudFrontFieldLevelEncryptionProfileKind.KIND)
      .property("field_level_encryption_config_comment", "string", "A comment on the configuration.")
      .property("field_level_encryption_config_query_arg_profile_config", OBJECT,
          "Which profile encrypts a request, chosen by a query argument, and whether unknown ones are forwarded.")
      .property("field_level_encryption_config_content_type_profile_config", OBJECT,
          "Which profile encrypts a request, chosen by its content type, and whether unknown types are forwarded.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontFieldLevelEncryptionConfigKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontFieldLevelEncryptionConfigKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListFieldLevelEncryptionConfigs");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listFieldLevelEncryptionConfigs(r -> r.marker(marker).maxItems(String.valueOf(pageSize)))
            .fieldLevelEncryptionList(),
        FieldLevelEncryptionList::nextMarker,
        page -> page.items().forEach(c -> {
          Node node = ctx.add(node(ctx, c));
          if (c.contentTypeProfileConfig() != null && c.contentTypeProfileConfig().contentTypeProfiles() != null) {
            c.contentTypeProfileConfig().contentTypeProfiles().items().forEach(p -> ctx.edge(node,
                AwsCloudFrontFieldLevelEncryptionProfileKind.KIND, CloudFrontValues.text(p.profileId()),
                EdgeType.DEFAULT));
          }
          if (c.queryArgProfileConfig() != null && c.queryArgProfileConfig().queryArgProfiles() != null) {
            c.queryArgProfileConfig().queryArgProfiles().items().forEach(p -> ctx.edge(node,
                AwsCloudFrontFieldLevelEncryptionProfileKind.KIND, CloudFrontValues.text(p.profileId()),
                EdgeType.DEFAULT));
          }
        }));
  }

  /** Maps a field-level encryption configuration. */
  static Node node(KindContext ctx, FieldLevelEncryptionSummary c) {
    Node.Builder b = ctx.node(KIND, c.id()).name(c.id()).mtime(c.lastModifiedTime());
    put(b, "field_level_encryption_config_comment", CloudFrontValues.text(c.comment()));
    put(b, "field_level_encryption_config_query_arg_profile_config", plain(c.queryArgProfileConfig()));
    put(b, "field_level_encryption_config_content_type_profile_config", plain(c.contentTypeProfileConfig()));
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "field-level-encryption-config/" + c.id())).build();
  }
}
