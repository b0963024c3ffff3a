package io.resoto.worker.aws.kinds.opensearch;

import static io.resoto.worker.aws.kinds.SdkMaps.OBJECT;
import static io.resoto.worker.aws.kinds.SdkMaps.OBJECTS;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.kinds.SdkMaps;
import io.resoto.worker.aws.kinds.SdkMaps.Member;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import software.amazon.awssdk.services.opensearch.OpenSearchClient;
import software.amazon.awssdk.services.opensearch.model.DomainInfo;
import software.amazon.awssdk.services.opensearch.model.DomainStatus;
import software.amazon.awssdk.services.opensearch.model.VPCDerivedInfo;

/**
 * {@code aws_opensearch_domain}: OpenSearch Service domains (ListDomainNames, then
 * DescribeDomains for at most 5 names per call, AWS's limit; the original asks for all names in
 * one call and declares {@code DescribeDomainNames}, which does not exist). id is the domain id,
 * name the domain name, the ARN {@code ARN}. DescribeDomains carries no tags and, as in the
 * original, no ListTags call is made, so domains have no tags and no tag calls.
 *
 * <p>Edges: the domain points to its Cognito user pool ({@code aws_cognito_user_pool}, another
 * group's kind); its VPC, subnets and security groups point to it (default and delete). The
 * original's declared {@code aws_ec2_instance_type} predecessor is not made: OpenSearch instance
 * types ({@code r6g.large.search}) are not EC2 instance types.
 */
public final class AwsOpenSearchDomainKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_opensearch_domain";

  /** DescribeDomains takes at most 5 names. */
  static final int BATCH = 5;

  static final List<Member> MEMBERS = List.of(
      new Member("opensearch_created", "boolean", "Created", "Whether the domain's creation is complete."),
      new Member("opensearch_deleted", "boolean", "Deleted", "Whether the domain is being deleted."),
      new Member("opensearch_endpoint", "string", "Endpoint", "The endpoint of a public domain."),
      new Member("opensearch_endpoint_v2", "string", "EndpointV2", "The dual-stack endpoint of the domain."),
      new Member("opensearch_endpoints", "dictionary[string, string]", "Endpoints", "The endpoints of a VPC domain, by address type (vpc, vpcv2)."),
      new Member("opensearch_domain_endpoint_v2_hosted_zone_id", "string", "DomainEndpointV2HostedZoneId", "The hosted zone of the dual-stack endpoint."),
      new Member("opensearch_processing", "boolean", "Processing", "Whether a configuration change is being applied."),
      new Member("opensearch_upgrade_processing", "boolean", "UpgradeProcessing", "Whether a version upgrade is in progress."),
      new Member("opensearch_engine_version", "string", "EngineVersion", "The engine and version, e.g. OpenSearch_2.13."),
      new Member("opensearch_cluster_config", OBJECT, "ClusterConfig", "The cluster: instance type and count, dedicated masters, zone awareness, warm and cold storage."),
      new Member("opensearch_ebs_options", OBJECT, "EBSOptions", "The EBS storage of the data nodes: enabled, type, size, IOPS, throughput."),
      new Member("opensearch_access_policies", "string", "AccessPolicies", "The domain's resource-based access policy, a JSON document."),
      new Member("opensearch_ip_address_type", "string", "IPAddressType", "The endpoint address type: ipv4 or dualstack."),
      new Member("opensearch_snapshot_options", OBJECT, "SnapshotOptions", "The hour of the daily automated snapshot (older domains)."),
      new Member("opensearch_vpc_options", OBJECT, "VPCOptions", "The VPC of the domain: VPC, subnets, security groups, zones."),
      new Member("opensearch_cognito_options", OBJECT, "CognitoOptions", "Cognito authentication of OpenSearch Dashboards: user pool, identity pool, role."),
      new Member("opensearch_encryption_at_rest_options", OBJECT, "EncryptionAtRestOptions", "Encryption at rest: enabled and the KMS key."),
      new Member("opensearch_node_to_node_encryption_options", OBJECT, "NodeToNodeEncryptionOptions", "Whether traffic between nodes is encrypted."),
      new Member("opensearch_advanced_options", "dictionary[string, string]", "AdvancedOptions", "Advanced cluster settings by name."),
      new Member("opensearch_log_publishing_options", OBJECT, "LogPublishingOptions", "The logs published to CloudWatch Logs, by log type."),
      new Member("opensearch_service_software_options", OBJECT, "ServiceSoftwareOptions", "The service software version and whether an update is available."),
      new Member("opensearch_domain_endpoint_options", OBJECT, "DomainEndpointOptions", "HTTPS enforcement, TLS policy and custom endpoint."),
      new Member("opensearch_advanced_security_options", OBJECT, "AdvancedSecurityOptions", "Fine-grained access control: enabled, internal user database, SAML, JWT."),
      new Member("opensearch_identity_center_options", OBJECT, "IdentityCenterOptions", "IAM Identity Center authentication of the domain."),
      new Member("opensearch_auto_tune_options", OBJECT, "AutoTuneOptions", "Auto-Tune state and whether it uses off-peak windows."),
      new Member("opensearch_change_progress_details", OBJECT, "ChangeProgressDetails", "The change being applied: id, message, status."),
      new Member("opensearch_off_peak_window_options", OBJECT, "OffPeakWindowOptions", "The daily off-peak window for updates."),
      new Member("opensearch_software_update_options", OBJECT, "SoftwareUpdateOptions", "Whether service software updates are applied automatically."),
      new Member("opensearch_domain_processing_status", "string", "DomainProcessingStatus", "The domain's processing status, e.g. Active, Modifying."),
      new Member("opensearch_modifying_properties", OBJECTS, "ModifyingProperties", "The settings being changed, with their active and pending values."),
      new Member("opensearch_aiml_options", OBJECT, "AIMLOptions", "The AI/ML options, such as natural language query generation."));

  private static final ComplexKind MODEL = SdkMaps.declare(KindModel.kind(KIND)
      .bases(KindModel.AWS_RESOURCE)
      .predecessors(EdgeType.DEFAULT, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .predecessors(EdgeType.DELETE, "aws_ec2_security_group", "aws_ec2_subnet", "aws_vpc")
      .display("database", "database")
      .successors(EdgeType.DEFAULT, "aws_cognito_user_pool"), MEMBERS)
      .build();

  /** Declares the kind. */
  public AwsOpenSearchDomainKind() {
    super(KIND, Scope.REGIONAL, "es", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("es:ListDomainNames", "es:DescribeDomains");
  }

  @Override
  public void collect(KindContext ctx) {
    OpenSearchClient os = ctx.client(OpenSearchClient.builder());
    List<String> names = os.listDomainNames(b -> {}).domainNames().stream().map(DomainInfo::domainName).toList();
    for (int i = 0; i < names.size() && !ctx.isCancelled(); i += BATCH) {
      List<String> batch = names.subList(i, Math.min(names.size(), i + BATCH));
      for (DomainStatus d : os.describeDomains(b -> b.domainNames(batch)).domainStatusList()) {
        Node node = ctx.add(node(ctx, d));
        if (d.cognitoOptions() != null && Boolean.TRUE.equals(d.cognitoOptions().enabled())) {
          ctx.edge(node, "aws_cognito_user_pool", SdkMaps.text(d.cognitoOptions().userPoolId()), EdgeType.DEFAULT);
        }
        VPCDerivedInfo vpc = d.vpcOptions();
        if (vpc != null) {
          for (EdgeType type : List.of(EdgeType.DEFAULT, EdgeType.DELETE)) {
            ctx.edgeFrom("aws_vpc", SdkMaps.text(vpc.vpcId()), node, type);
            vpc.subnetIds().forEach(s -> ctx.edgeFrom("aws_ec2_subnet", s, node, type));
            vpc.securityGroupIds().forEach(g -> ctx.edgeFrom("aws_ec2_security_group", g, node, type));
          }
        }
      }
    }
  }

  /** Maps a domain: id = DomainId, name = DomainName. */
  static Node node(KindContext ctx, DomainStatus d) {
    Node.Builder b = ctx.node(KIND, d.domainId()).name(d.domainName());
    SdkMaps.fill(b, MEMBERS, d);
    return KindContext.arn(b, d.arn()).build();
  }
}
