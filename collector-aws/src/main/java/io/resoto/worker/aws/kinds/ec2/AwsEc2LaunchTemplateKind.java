package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/**
 * {@code aws_ec2_launch_template}: launch templates (DescribeLaunchTemplates). The original reads
 * the default version's data (DescribeLaunchTemplateVersions); that data is not reported here.
 */
public final class AwsEc2LaunchTemplateKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_launch_template";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("resource", KindModel.AWS_RESOURCE)
      .display("resource", "compute")
      // instances launched from the template (EC2 tags them with the template id)
      .successors(EdgeType.DEFAULT, AwsEc2InstanceKind.KIND)
      .property("created_by", "string", "The principal that created the launch template.")
      .property("default_version_number", "int64", "The version number of the default version.")
      .property("latest_version_number", "int64", "The version number of the latest version.")
      .build();

  /** Declares the kind. */
  public AwsEc2LaunchTemplateKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (LaunchTemplate t : ec2.describeLaunchTemplatesPaginator(b -> b.maxResults(200)).launchTemplates()) {
      ctx.add(node(ctx, t));
    }
  }

  /** Maps a template: id = LaunchTemplateId, name = LaunchTemplateName, ctime = CreateTime. */
  static Node node(KindContext ctx, LaunchTemplate t) {
    Node.Builder b = ctx.node(KIND, t.launchTemplateId())
        .name(t.launchTemplateName())
        .tags(Ec2ComputeValues.tags(t.tags()))
        .ctime(t.createTime())
        .categories("compute")
        .property("created_by", t.createdBy())
        .property("default_version_number", t.defaultVersionNumber())
        .property("latest_version_number", t.latestVersionNumber());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "launch-template", t.launchTemplateId())).build();
  }
}
