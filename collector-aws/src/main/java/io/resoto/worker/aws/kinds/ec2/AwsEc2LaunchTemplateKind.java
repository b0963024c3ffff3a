package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECT;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/**
 * {@code aws_ec2_launch_template}: launch templates with the data of their default version, as the
 * original reports them: DescribeLaunchTemplateVersions with Versions {@code $Default} (one listing
 * for every template of the region) gives the properties; DescribeLaunchTemplates adds what the
 * versions do not carry: the template's tags and creation time (the original, listing versions
 * only, reports no tags and the default version's creation time as ctime). When the versions
 * cannot be read, the templates are still reported, without version data, and the failure is
 * recorded.
 */
public final class AwsEc2LaunchTemplateKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_launch_template";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("resource", KindModel.AWS_RESOURCE)
      .display("resource", "compute")
      // instances launched from the template (EC2 tags them with the template id)
      .successors(EdgeType.DEFAULT, AwsEc2InstanceKind.KIND)
      .property("version_description", "string", "The description of the default version.")
      .property("version_number", "int64", "The version number of the default version.")
      .property("created_by", "string", "The principal that created the default version.")
      .property("default_version", "boolean", "Whether the reported version is the template's default version.")
      .property("launch_template_data", OBJECT,
          "The launch parameters of the default version: image id, instance type, key name, network interfaces, "
              + "block device mappings, security groups, market, CPU, metadata and placement options, user data, "
              + "tag specifications, ...")
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
  public List<String> apiCalls() {
    return List.of("ec2:DescribeLaunchTemplateVersions", "ec2:DescribeLaunchTemplates");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    List<LaunchTemplate> templates = ec2.describeLaunchTemplatesPaginator(b -> b.maxResults(200))
        .launchTemplates().stream().toList();
    if (templates.isEmpty()) {
      return;
    }
    Map<String, LaunchTemplateVersion> defaults = new HashMap<>();
    Exception versionsFailure = null;
    try {
      ec2.describeLaunchTemplateVersionsPaginator(b -> b.versions("$Default").maxResults(200))
          .launchTemplateVersions().forEach(v -> defaults.put(v.launchTemplateId(), v));
    } catch (Exception e) {
      versionsFailure = e;
    }
    for (LaunchTemplate t : templates) {
      ctx.add(node(ctx, t, defaults.get(t.launchTemplateId())));
    }
    if (versionsFailure != null) {
      throw versionsFailure;
    }
  }

  /**
   * Maps a template and its default version (null when unknown): id = LaunchTemplateId, name =
   * LaunchTemplateName, ctime = the template's CreateTime, the version's fields as the original
   * names them.
   */
  static Node node(KindContext ctx, LaunchTemplate t, LaunchTemplateVersion version) {
    Node.Builder b = ctx.node(KIND, t.launchTemplateId())
        .name(t.launchTemplateName())
        .tags(Ec2ComputeValues.tags(t.tags()))
        .ctime(t.createTime())
        .categories("compute")
        .property("created_by", version != null && version.createdBy() != null ? version.createdBy() : t.createdBy());
    if (version != null) {
      b.property("version_description", version.versionDescription())
          .property("version_number", version.versionNumber())
          .property("default_version", version.defaultVersion())
          .property("launch_template_data", plain(version.launchTemplateData()));
    }
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "launch-template", t.launchTemplateId())).build();
  }
}
