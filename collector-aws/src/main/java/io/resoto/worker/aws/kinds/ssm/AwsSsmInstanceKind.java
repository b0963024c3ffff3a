package io.resoto.worker.aws.kinds.ssm;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.ApiValues;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.InstanceInformation;

/**
 * {@code aws_ssm_instance}: the nodes Systems Manager manages (DescribeInstanceInformation): EC2
 * instances with a running agent and registered servers ({@code mi-...}). id = the instance id,
 * name = the registered name (servers only; else the id). ARN after the original's template
 * ({@code arn:aws:ssm:<region>:<account>:instance/<id>}). A managed EC2 instance points to its
 * {@code aws_ec2_instance}. The original maps tags from a member the API does not have, so its
 * nodes never carry tags; neither do these.
 */
public final class AwsSsmInstanceKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ssm_instance";

  private static final String EC2_INSTANCE = "aws_ec2_instance";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .display("instance", "management")
      .successors(EdgeType.DEFAULT, EC2_INSTANCE)
      .property("instance_id", "string", "The managed node's id: an EC2 instance id or mi-... for a registered server.")
      .property("ping_status", "string", "Whether the agent is connected: Online, ConnectionLost.")
      .property("last_ping", "datetime", "When the agent last reached Systems Manager.")
      .property("agent_version", "string", "The version of the SSM agent on the node.")
      .property("is_latest_version", "boolean", "Whether the node runs the latest agent (Linux nodes).")
      .property("platform_type", "string", "The operating system family: Windows, Linux or MacOS.")
      .property("platform_name", "string", "The operating system's name.")
      .property("platform_version", "string", "The operating system's version.")
      .property("activation_id", "string", "The activation a registered server used to register.")
      .property("iam_role", "string", "The IAM role of a registered server (not returned for EC2 instances).")
      .property("registration_date", "datetime", "When a registered server was registered.")
      .property("resource_type", "string", "EC2Instance or ManagedInstance (a registered server).")
      .property("ip_address", "string", "The node's IP address.")
      .property("computer_name", "string", "The node's fully qualified host name.")
      .property("association_status", "string", "The status of the node's State Manager associations.")
      .property("last_association_execution_date", "datetime", "When an association last ran on the node.")
      .property("last_successful_association_execution_date", "datetime",
          "When an association last ran successfully on the node.")
      .property("association_overview", "dictionary[string, any]",
          "The node's associations: detailed status and count per status.")
      .property("source_id", "string", "The id of the source resource (an IoT Greengrass device's thing name, ...).")
      .property("source_type", "string", "The type of the source resource, e.g. AWS::EC2::Instance.")
      .build();

  private final int pageSize;

  /** Declares the kind. */
  public AwsSsmInstanceKind() {
    this(50);
  }

  /** The kind listing in pages of this size (5..50; tests page small estates with it). */
  AwsSsmInstanceKind(int pageSize) {
    super(KIND, Scope.REGIONAL, "ssm", MODEL);
    this.pageSize = pageSize;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ssm:DescribeInstanceInformation");
  }

  @Override
  public void collect(KindContext ctx) {
    SsmClient ssm = ctx.client(SsmClient.builder());
    for (InstanceInformation i : ssm.describeInstanceInformationPaginator(b -> b.maxResults(pageSize))
        .instanceInformationList()) {
      if (ctx.isCancelled()) {
        return;
      }
      Node node = ctx.add(node(ctx, i));
      if ("EC2Instance".equals(i.resourceTypeAsString())) {
        ctx.edge(node, EC2_INSTANCE, i.instanceId(), EdgeType.DEFAULT);
      }
    }
  }

  static Node node(KindContext ctx, InstanceInformation i) {
    Node.Builder b = ctx.node(KIND, i.instanceId()).name(i.name() == null ? i.instanceId() : i.name());
    ApiValues.put(b, "instance_id", i.instanceId());
    ApiValues.put(b, "ping_status", i.pingStatusAsString());
    ApiValues.put(b, "last_ping", i.lastPingDateTime());
    ApiValues.put(b, "agent_version", i.agentVersion());
    ApiValues.put(b, "is_latest_version", i.isLatestVersion());
    ApiValues.put(b, "platform_type", i.platformTypeAsString());
    ApiValues.put(b, "platform_name", i.platformName());
    ApiValues.put(b, "platform_version", i.platformVersion());
    ApiValues.put(b, "activation_id", i.activationId());
    ApiValues.put(b, "iam_role", i.iamRole());
    ApiValues.put(b, "registration_date", i.registrationDate());
    ApiValues.put(b, "resource_type", i.resourceTypeAsString());
    ApiValues.put(b, "ip_address", i.ipAddress());
    ApiValues.put(b, "computer_name", i.computerName());
    ApiValues.put(b, "association_status", i.associationStatus());
    ApiValues.put(b, "last_association_execution_date", i.lastAssociationExecutionDate());
    ApiValues.put(b, "last_successful_association_execution_date", i.lastSuccessfulAssociationExecutionDate());
    ApiValues.put(b, "association_overview", ApiValues.plain(i.associationOverview()));
    ApiValues.put(b, "source_id", i.sourceId());
    ApiValues.put(b, "source_type", i.sourceTypeAsString());
    String arn = "arn:" + ctx.partition() + ":ssm:" + ctx.regionName() + ":" + ctx.account().id() + ":instance/"
        + i.instanceId();
    return KindContext.arn(b, arn).build();
  }
}
