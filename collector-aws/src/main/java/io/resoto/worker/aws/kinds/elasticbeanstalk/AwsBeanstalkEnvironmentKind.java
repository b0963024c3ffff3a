package io.resoto.worker.aws.kinds.elasticbeanstalk;

import static io.resoto.worker.aws.kinds.SdkValues.OBJECT;
import static io.resoto.worker.aws.kinds.SdkValues.OBJECTS;
import static io.resoto.worker.aws.kinds.SdkValues.put;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticbeanstalk.ElasticBeanstalkClient;
import software.amazon.awssdk.services.elasticbeanstalk.model.DescribeEnvironmentsResponse;
import software.amazon.awssdk.services.elasticbeanstalk.model.ElasticBeanstalkException;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentDescription;
import software.amazon.awssdk.services.elasticbeanstalk.model.EnvironmentResourceDescription;

/**
 * {@code aws_beanstalk_environment}: Elastic Beanstalk environments (DescribeEnvironments, every
 * page, then per environment DescribeEnvironmentResources and ListTagsForResource). id is the
 * environment id, name its name, ctime {@code DateCreated}, mtime {@code DateUpdated}. An
 * environment whose resources AWS refuses to describe ({@code InvalidParameterValue}, e.g. while
 * it terminates) has none, as in the original.
 *
 * <p>Edges as the original: its application points to it (default and delete); it points to the
 * auto scaling groups, EC2 instances, load balancers (by name, for an ALB the name in its ARN) and
 * SQS queues (by name) of its resources, each of which points back to it for deletion.
 */
public final class AwsBeanstalkEnvironmentKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_beanstalk_environment";

  static final String AUTOSCALING_GROUP = "aws_autoscaling_group";
  static final String EC2_INSTANCE = "aws_ec2_instance";
  static final String ALB = "aws_alb";
  static final String SQS_QUEUE = "aws_sqs_queue";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DELETE, "aws_ec2_instance", "aws_sqs_queue")
      .display("environment", "compute")
      // the original also declares a delete edge to its application; the edge it makes runs from the
      // application to the environment (declared there)
      .successors(EdgeType.DEFAULT, AUTOSCALING_GROUP, EC2_INSTANCE, ALB, SQS_QUEUE)
      .property("description", "string", "The description of the environment.")
      .property("beanstalk_application_name", "string", "The application the environment belongs to.")
      .property("beanstalk_version_label", "string", "The label of the application version deployed.")
      .property("beanstalk_solution_stack_name", "string", "The solution stack (platform) the environment runs on.")
      .property("beanstalk_platform_arn", "string", "The ARN of the platform version.")
      .property("beanstalk_template_name", "string", "The saved configuration the environment was launched with.")
      .property("beanstalk_endpoint_url", "string", "The URL of the load balancer, or the instance's IP for a single instance.")
      .property("beanstalk_cname", "string", "The CNAME of the environment's URL.")
      .property("beanstalk_status", "string", "The state: Launching, Updating, Ready, Terminating, Terminated, ...")
      .property("beanstalk_abortable_operation_in_progress", "boolean", "Whether an operation can be aborted now.")
      .property("beanstalk_health", "string", "The health colour: Green, Yellow, Red or Grey.")
      .property("beanstalk_health_status", "string", "The enhanced health status: Ok, Info, Warning, Degraded, Severe, ...")
      .property("beanstalk_resources", OBJECT,
          "The resources of the environment: auto scaling groups, instances, load balancers and queues (name, URL).")
      .property("beanstalk_tier", OBJECT, "The tier: name (WebServer or Worker), type and version.")
      .property("beanstalk_environment_links", OBJECTS, "The links to other environments: link name and environment name.")
      .property("beanstalk_operations_role", "string", "The ARN of the environment's operations role.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsBeanstalkEnvironmentKind() {
    this(1000);
  }

  /** The kind listing environments in pages of this size (MaxRecords, 1..1000). */
  AwsBeanstalkEnvironmentKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "elasticbeanstalk", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("elasticbeanstalk:DescribeEnvironments", "elasticbeanstalk:DescribeEnvironmentResources",
        "elasticbeanstalk:ListTagsForResource");
  }

  /** Tags through elasticbeanstalk:UpdateTagsForResource with the environment's ARN. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return BeanstalkSupport.TAGS;
  }

  @Override
  public void collect(KindContext ctx) {
    ElasticBeanstalkClient client = ctx.client(ElasticBeanstalkClient.builder());
    // the SDK has no paginator for DescribeEnvironments: follow NextToken by hand
    String token = null;
    do {
      String next = token;
      DescribeEnvironmentsResponse page = client.describeEnvironments(b -> b.maxRecords(pageSize).nextToken(next));
      for (EnvironmentDescription e : page.environments()) {
        ctx.submit(() -> {
          EnvironmentResourceDescription resources;
          try {
            resources = client.describeEnvironmentResources(b -> b.environmentId(e.environmentId()))
                .environmentResources();
          } catch (ElasticBeanstalkException ex) {
            if (ex.awsErrorDetails() == null || !"InvalidParameterValue".equals(ex.awsErrorDetails().errorCode())) {
              throw ex;
            }
            resources = null;
          }
          Node node = ctx.add(node(ctx, e, resources, BeanstalkSupport.tags(client, e.environmentArn())));
          edges(ctx, node, e, resources);
        });
      }
      token = page.nextToken();
    } while (token != null && !ctx.isCancelled());
  }

  private static void edges(KindContext ctx, Node node, EnvironmentDescription e, EnvironmentResourceDescription r) {
    ctx.edgeFrom(AwsBeanstalkApplicationKind.KIND, e.applicationName(), node, EdgeType.DEFAULT);
    ctx.edgeFrom(AwsBeanstalkApplicationKind.KIND, e.applicationName(), node, EdgeType.DELETE);
    if (r == null) {
      return;
    }
    r.autoScalingGroups().forEach(g -> depends(ctx, node, AUTOSCALING_GROUP, g.name()));
    r.instances().forEach(i -> depends(ctx, node, EC2_INSTANCE, i.id()));
    r.loadBalancers().forEach(lb -> depends(ctx, node, ALB, loadBalancerName(lb.name())));
    r.queues().forEach(q -> depends(ctx, node, SQS_QUEUE, q.name()));
  }

  /** The original's dependant node: env -> resource by default, resource -> env for deletion. */
  private static void depends(KindContext ctx, Node node, String kind, String id) {
    ctx.edge(node, kind, id, EdgeType.DEFAULT);
    ctx.edgeFrom(kind, id, node, EdgeType.DELETE);
  }

  /** Beanstalk names an ALB by its ARN (...:loadbalancer/app/NAME/ID), a classic one by its name. */
  static String loadBalancerName(String name) {
    if (name != null && name.startsWith("arn:") && name.contains(":loadbalancer/")) {
      String[] path = name.substring(name.indexOf(":loadbalancer/") + ":loadbalancer/".length()).split("/");
      return path.length >= 2 ? path[1] : null;
    }
    return name;
  }

  /** Maps an environment: id = its id, name = its name. */
  static Node node(KindContext ctx, EnvironmentDescription e, EnvironmentResourceDescription r,
      Map<String, String> tags) {
    Node.Builder b = ctx.node(KIND, e.environmentId()).name(e.environmentName()).ctime(e.dateCreated())
        .mtime(e.dateUpdated()).tags(tags).categories("compute");
    put(b, "description", e.description());
    put(b, "beanstalk_application_name", e.applicationName());
    put(b, "beanstalk_version_label", e.versionLabel());
    put(b, "beanstalk_solution_stack_name", e.solutionStackName());
    put(b, "beanstalk_platform_arn", e.platformArn());
    put(b, "beanstalk_template_name", e.templateName());
    put(b, "beanstalk_endpoint_url", e.endpointURL());
    put(b, "beanstalk_cname", e.cname());
    put(b, "beanstalk_status", e.statusAsString());
    put(b, "beanstalk_abortable_operation_in_progress", e.abortableOperationInProgress());
    put(b, "beanstalk_health", e.healthAsString());
    put(b, "beanstalk_health_status", e.healthStatusAsString());
    if (r != null) {
      put(b, "beanstalk_resources", resources(r));
    }
    put(b, "beanstalk_tier", e.tier());
    put(b, "beanstalk_environment_links", e.environmentLinks());
    put(b, "beanstalk_operations_role", e.operationsRole());
    return KindContext.arn(b, e.environmentArn()).build();
  }

  /** The resources as the original reports them: names and ids only (queues with their URL). */
  private static Map<String, Object> resources(EnvironmentResourceDescription r) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("auto_scaling_groups", named(r.autoScalingGroups().stream()
        .map(g -> Map.<String, Object>of("auto_scaling_group_name", g.name())).toList()));
    out.put("instances", named(r.instances().stream().map(i -> Map.<String, Object>of("instance_id", i.id())).toList()));
    out.put("load_balancers", named(r.loadBalancers().stream()
        .map(l -> Map.<String, Object>of("load_balancer_name", l.name())).toList()));
    List<Map<String, Object>> queues = new ArrayList<>();
    r.queues().forEach(q -> {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("queue_name", q.name());
      m.put("queue_url", q.url());
      queues.add(m);
    });
    out.put("queues", named(queues));
    out.values().removeIf(v -> v == null);
    return out;
  }

  private static List<Map<String, Object>> named(List<Map<String, Object>> items) {
    return items.isEmpty() ? null : items;
  }
}
