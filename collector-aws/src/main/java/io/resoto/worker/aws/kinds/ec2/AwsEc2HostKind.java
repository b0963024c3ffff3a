package io.resoto.worker.aws.kinds.ec2;

import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECT;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.OBJECTS;
import static io.resoto.worker.aws.kinds.ec2.Ec2ComputeValues.plain;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Host;
import software.amazon.awssdk.services.ec2.model.HostInstance;

/** {@code aws_ec2_host}: Dedicated Hosts (DescribeHosts). */
public final class AwsEc2HostKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_host";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("resource", KindModel.AWS_RESOURCE)
      .display("resource", "compute")
      // a host runs its instances, which go before the host can be released
      .successors(EdgeType.DEFAULT, AwsEc2InstanceKind.KIND)
      .successors(EdgeType.DELETE, AwsEc2InstanceKind.KIND)
      .property("host_auto_placement", "string", "Whether untargeted instance launches may be placed on the host (on, off).")
      .property("host_availability_zone", "string", "The availability zone of the host.")
      .property("host_available_capacity", OBJECT, "The available capacity: per instance type the available count, and the free vCPUs.")
      .property("host_client_token", "string", "The idempotency token of the allocation.")
      .property("host_properties", OBJECT, "The hardware of the host: cores, instance family or type, sockets, total vCPUs.")
      .property("host_reservation_id", "string", "The reservation the host is billed under, if any.")
      .property("host_instances", OBJECTS, "The instances running on the host: id, type and owner.")
      .property("host_state", "string", "The allocation state: available, under-assessment, permanent-failure, released, ...")
      .property("host_allocation_time", "datetime", "The time the host was allocated.")
      .property("host_release_time", "datetime", "The time the host was released, if it was.")
      .property("host_recovery", "string", "Whether host recovery is enabled (on, off).")
      .property("host_allows_multiple_instance_types", "string", "Whether the host supports several instance types of its family (on, off).")
      .property("host_owner_id", "string", "The id of the account that owns the host.")
      .property("host_availability_zone_id", "string", "The id of the availability zone of the host.")
      .property("host_member_of_service_linked_resource_group", "boolean", "Whether the host is in a host resource group managed by AWS.")
      .property("host_outpost_arn", "string", "The ARN of the Outpost the host is on, if any.")
      .property("host_maintenance", "string", "Whether host maintenance is enabled (on, off).")
      .property("host_asset_id", "string", "The id of the Outpost hardware asset the host runs on, if any.")
      .build();

  /** Declares the kind. */
  public AwsEc2HostKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeHosts");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (Host h : ec2.describeHostsPaginator(b -> b.maxResults(500)).hosts()) {
      Node node = ctx.add(node(ctx, h));
      for (HostInstance i : h.instances()) {
        ctx.edge(node, AwsEc2InstanceKind.KIND, i.instanceId(), EdgeType.DEFAULT);
        ctx.edge(node, AwsEc2InstanceKind.KIND, i.instanceId(), EdgeType.DELETE);
      }
    }
  }

  /** Maps a host: name = Name tag or the id, ctime = AllocationTime. */
  static Node node(KindContext ctx, Host h) {
    String name = Ec2ComputeValues.tag(h.tags(), "Name");
    Node.Builder b = ctx.node(KIND, h.hostId())
        .name(name == null ? h.hostId() : name)
        .tags(Ec2ComputeValues.tags(h.tags()))
        .ctime(h.allocationTime())
        .categories("compute")
        .property("host_auto_placement", h.autoPlacementAsString())
        .property("host_availability_zone", h.availabilityZone())
        .property("host_available_capacity", plain(h.availableCapacity()))
        .property("host_client_token", h.clientToken())
        .property("host_properties", plain(h.hostProperties()))
        .property("host_reservation_id", h.hostReservationId())
        .property("host_instances", plain(h.instances()))
        .property("host_state", h.stateAsString())
        .property("host_allocation_time", h.allocationTime())
        .property("host_release_time", h.releaseTime())
        .property("host_recovery", h.hostRecoveryAsString())
        .property("host_allows_multiple_instance_types", h.allowsMultipleInstanceTypesAsString())
        .property("host_owner_id", h.ownerId())
        .property("host_availability_zone_id", h.availabilityZoneId())
        .property("host_member_of_service_linked_resource_group", h.memberOfServiceLinkedResourceGroup())
        .property("host_outpost_arn", h.outpostArn())
        .property("host_maintenance", h.hostMaintenanceAsString())
        .property("host_asset_id", h.assetId());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "host", h.hostId())).build();
  }
}
