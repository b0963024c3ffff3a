package io.resoto.worker.aws.kinds.cloudfront;

import static io.resoto.worker.aws.kinds.cloudfront.CloudFrontValues.OBJECTS;
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
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionProfileList;
import software.amazon.awssdk.services.cloudfront.model.FieldLevelEncryptionProfileSummary;

/**
 * {@code aws_cloudfront_field_level_encryption_profile}: CloudFront field-level encryption profiles
 * (ListFieldLevelEncryptionProfiles, every page). id is the profile's id, name its name, mtime its
 * last change. The profile points to the public keys its encryption entities encrypt with.
 */
public final class AwsCloudFrontFieldLevelEncryptionProfileKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_cloudfront_field_level_encryption_profile";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("profile", "security")
      .successors(EdgeType.DEFAULT, AwsCloudFrontPublicKeyKind.KIND)
      .property("field_level_encryption_profile_encryption_entities", OBJECTS,
          "What is encrypted: per entity the public key, the provider id and the field name patterns.")
      .property("field_level_encryption_profile_comment", "string", "A comment on the profile.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsCloudFrontFieldLevelEncryptionProfileKind() {
    this(100);
  }

  /** The kind listing in pages of this size (tests page small estates with it). */
  AwsCloudFrontFieldLevelEncryptionProfileKind(int pageSize) {
    super(KIND, Scope.GLOBAL, "cloudfront", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("cloudfront:ListFieldLevelEncryptionProfiles");
  }

  @Override
  public void collect(KindContext ctx) {
    CloudFrontClient cf = ctx.client(CloudFrontClient.builder());
    CloudFrontValues.forEachPage(
        marker -> cf.listFieldLevelEncryptionProfiles(r -> r.marker(marker).maxItems(String.valueOf(pageSize)))
            .fieldLevelEncryptionProfileList(),
        FieldLevelEncryptionProfileList::nextMarker,
        page -> page.items().forEach(p -> {
          Node node = ctx.add(node(ctx, p));
          if (p.encryptionEntities() != null) {
            p.encryptionEntities().items().forEach(e -> ctx.edge(node, AwsCloudFrontPublicKeyKind.KIND,
                CloudFrontValues.text(e.publicKeyId()), EdgeType.DEFAULT));
          }
        }));
  }

  /** Maps a field-level encryption profile. */
  static Node node(KindContext ctx, FieldLevelEncryptionProfileSummary p) {
    Node.Builder b = ctx.node(KIND, p.id()).name(p.name()).mtime(p.lastModifiedTime());
    put(b, "field_level_encryption_profile_encryption_entities", plain(p.encryptionEntities()));
    put(b, "field_level_encryption_profile_comment", CloudFrontValues.text(p.comment()));
    return KindContext.arn(b, CloudFrontValues.arn(ctx, "field-level-encryption-profile/" + p.id())).build();
  }
}
