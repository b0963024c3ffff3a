package io.resoto.worker.aws.kinds.elasticbeanstalk;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.ApplicationDescription;

/**
 * {@code aws_beanstalk_application}: Elastic Beanstalk applications (DescribeApplications, which
 * AWS answers in one piece, then ListTagsForResource per application). id and name are the
 * application name, ctime {@code DateCreated}, mtime {@code DateUpdated}.
 *
 * <p>Edges: the application points to its environments (default and delete), which
 * {@link AwsBeanstalkEnvironmentKind} makes.
 */
public final class AwsBeanstalkApplicationKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_beanstalk_application";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("application", "compute")
      .successors(EdgeType.DEFAULT, AwsBeanstalkEnvironmentKind.KIND)
      .successors(EdgeType.DELETE, AwsBeanstalkEnvironmentKind.KIND)
      .property("description", "string", "The description of the application.")
      .property("beanstalk_versions", "string[]", "The labels of the application's versions.")
      .property("beanstalk_configuration_templates", "string[]", "The names of the application's saved configurations.")
      .property("beanstalk_resource_lifecycle_config", OBJECT,
          "The application version lifecycle: the service role and the rules that delete old versions by count or age.")
      .build();

  /** Declares the kind. */
  public AwsBeanstalkApplicationKind() {
    super(KIND, Scope.REGIONAL, "elasticbeanstalk", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticbeanstalk:DescribeApplications", "elasticbeanstalk:ListTagsForResource");
  }

  /** Tags through elasticbeanstalk:UpdateTagsForResource with the application's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return BeanstalkSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    ElasticBeanstalkClient client = ctx.client(ElasticBeanstalkClient.builder());
    for (ApplicationDescription a : client.describeApplications().applications()) {
      if (ctx.isCancelled()) {
        return;
      }
      ctx.submit(() -> {
        ctx.add(node(ctx, a, BeanstalkSupport.tags(client, a.applicationArn())));
      });
    }
  }

  /** Maps an application: id and name = its name. */
  static Node node(KindContext ctx, ApplicationDescription a, Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, a.applicationName()).name(a.applicationName()).ctime(a.dateCreated())
        .mtime(a.dateUpdated()).tags(tags).categories("compute");
    put(b, "description", a.description());
    put(b, "beanstalk_versions", a.versions());
    put(b, "beanstalk_configuration_templates", a.configurationTemplates());
    put(b, "beanstalk_resource_lifecycle_config", a.resourceLifecycleConfig());
    return KindContext.arn(b, a.applicationArn()).build();
  }
}
