package io.resoto.worker.aws.kinds.base;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * {@code aws_region}: one node per collected region, and the account's "global" region node
 * (id = the partition's global region, name {@code global}) that global kinds hang under. Built by
 * the engine; its fields are the {@code region} base kind's: {@code long_name}, {@code latitude}
 * and {@code longitude} from the bundled {@link RegionTable} (the global node carries those of its
 * region), and {@code region_in_use}, which the engine sets once the account is connected
 * ({@link #inUse}). Unlike the original, a region not in use is kept, with its resources.
 */
public final class AwsRegionKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_region";

  /** The original gives every region the day AWS launched as its creation time. */
  public static final Instant AWS_LAUNCH = Instant.parse("2006-03-19T00:00:00Z");

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("region", KindModel.AWS_RESOURCE)
      .display("region", "management")
      .successors(EdgeType.DEFAULT,
          "aws_vpc_peering_connection", "aws_vpc_endpoint", "aws_vpc", "aws_service_quota", "aws_s3_bucket",
          "aws_rds_instance", "aws_iam_server_certificate", "aws_iam_role", "aws_iam_policy",
          "aws_iam_instance_profile", "aws_iam_group", "aws_elb", "aws_eks_cluster", "aws_ec2_volume_type",
          "aws_ec2_volume", "aws_iam_user", "aws_ec2_subnet", "aws_ec2_snapshot", "aws_ec2_security_group",
          "aws_ec2_route_table", "aws_ec2_network_interface", "aws_ec2_network_acl", "aws_ec2_nat_gateway",
          "aws_ec2_keypair", "aws_ec2_internet_gateway", "aws_ec2_instance_type", "aws_ec2_instance",
          "aws_ec2_elastic_ip", "aws_cloudwatch_alarm", "aws_cloudformation_stack",
          "aws_cloudformation_stack_set", "aws_autoscaling_group", "aws_alb_target_group", "aws_alb")
      .build();

  /**
   * Kinds that do not make a region "in use", as in the original: what AWS or a default set-up
   * puts in every region, and the phantom type and quota kinds.
   */
  private static final Set<String> NOT_USE = Set.of("aws_athena_work_group", "aws_cloud_trail",
      "aws_ec2_internet_gateway", "aws_ec2_network_acl", "aws_ec2_security_group", "aws_ec2_subnet",
      "aws_ec2_route_table", "aws_ec2_instance_type", "aws_ec2_volume_type", "aws_service_quota", KIND);

  /** Declares the kind. */
  public AwsRegionKind() {
    super(KIND, Scope.ENGINE, "ec2", MODEL);
  }

  /** Built by the engine ({@link #node}); there is nothing to list. */
  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeRegions");
  }

  @Override
  public void collect(KindContext ctx) {}

  /**
   * A region node. As in the original, the name joins the id tuple, so the global region node
   * (id us-east-1, name global) and the us-east-1 region node are two nodes.
   */
  public static Node node(String accountId, String regionId, String name) {
    return node(accountId, regionId, name, null);
  }

  /** A region node with {@code region_in_use} set (null: not known yet). */
  public static Node node(String accountId, String regionId, String name, Boolean inUse) {
    Node.Builder b = Node.builder(KIND, regionId)
        .name(name)
        .cloud(AccountCollector.CLOUD)
        .account(accountId)
        .region(regionId)
        .idKeyExtra(name)
        .ctime(AWS_LAUNCH)
        .categories("management");
    RegionTable.region(regionId).ifPresent(r -> b.property("long_name", r.longName())
        .property("latitude", r.latitude())
        .property("longitude", r.longitude()));
    return b.property("region_in_use", inUse).build();
  }

  /**
   * The original's rule: a region is in use when more than 3 of its descendants count, i.e. are
   * not of the {@link #NOT_USE} kinds and not a default VPC.
   */
  public static boolean inUse(Collection<Node> descendants) {
    long counted = descendants.stream()
        .filter(n -> !NOT_USE.contains(n.kind()))
        .filter(n -> !("aws_vpc".equals(n.kind()) && Boolean.TRUE.equals(n.properties().get("vpc_is_default"))))
        .count();
    return counted > 3;
  }
}
