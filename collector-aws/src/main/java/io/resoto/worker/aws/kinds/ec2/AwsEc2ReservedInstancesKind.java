package io.resoto.worker.aws.kinds.ec2;

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
import software.amazon.awssdk.services.ec2.model.ReservedInstances;

/** {@code aws_ec2_reserved_instances}: Reserved Instances purchases (DescribeReservedInstances, not paginated). */
public final class AwsEc2ReservedInstancesKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_reserved_instances";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("resource", KindModel.AWS_RESOURCE)
      .display("resource", "compute")
      .property("availability_zone", "string", "The availability zone of a zonal reservation.")
      .property("reservation_duration", "int64", "The term of the reservation, in seconds.")
      .property("reservation_end", "datetime", "The time the term ends.")
      .property("reservation_fixed_price", "double", "The upfront price of the reservation.")
      .property("reservation_instance_count", "int64", "The number of reserved instances.")
      .property("reservation_instance_type", "string", "The instance type the reservation is for.")
      .property("reservation_product_description", "string", "The operating system the reservation is for (e.g. Linux/UNIX).")
      .property("reservation_reserved_instances_id", "string", "The id of the purchase.")
      .property("reservation_start", "datetime", "The time the term starts.")
      .property("reservation_state", "string", "The state of the reservation: payment-pending, active, payment-failed, retired, queued, queued-deleted.")
      .property("reservation_usage_price", "double", "The usage price per hour.")
      .property("reservation_currency_code", "string", "The currency of the prices (USD).")
      .property("reservation_instance_tenancy", "string", "The tenancy of the reserved instances: default, dedicated or host.")
      .property("reservation_offering_class", "string", "The offering class: standard or convertible.")
      .property("reservation_offering_type", "string", "The payment option: No Upfront, Partial Upfront, All Upfront, ...")
      .property("reservation_recurring_charges", OBJECTS, "The recurring charges: amount and frequency.")
      .property("reservation_scope", "string", "The scope: Region or Availability Zone.")
      .build();

  /** Declares the kind. */
  public AwsEc2ReservedInstancesKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeReservedInstances");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    for (ReservedInstances r : ec2.describeReservedInstances(b -> {}).reservedInstances()) {
      Node node = ctx.add(node(ctx, r));
      // the reservation hangs under the instance type it reserves (the original's edge)
      ctx.edgeFrom(AwsEc2InstanceTypeKind.KIND, r.instanceTypeAsString(), node, EdgeType.DEFAULT);
    }
  }

  /** Maps a reservation: id = ReservedInstancesId, name = Name tag (the id when untagged). */
  static Node node(KindContext ctx, ReservedInstances r) {
    Node.Builder b = ctx.node(KIND, r.reservedInstancesId())
        .name(Ec2ComputeValues.tag(r.tags(), "Name"))
        .tags(Ec2ComputeValues.tags(r.tags()))
        .ctime(r.start())
        .categories("compute")
        .property("availability_zone", r.availabilityZone())
        .property("reservation_duration", r.duration())
        .property("reservation_end", r.end())
        .property("reservation_fixed_price", r.fixedPrice() == null ? null : r.fixedPrice().doubleValue())
        .property("reservation_instance_count", r.instanceCount() == null ? null : r.instanceCount().longValue())
        .property("reservation_instance_type", r.instanceTypeAsString())
        .property("reservation_product_description", r.productDescriptionAsString())
        .property("reservation_reserved_instances_id", r.reservedInstancesId())
        .property("reservation_start", r.start())
        .property("reservation_state", r.stateAsString())
        .property("reservation_usage_price", r.usagePrice() == null ? null : r.usagePrice().doubleValue())
        .property("reservation_currency_code", r.currencyCodeAsString())
        .property("reservation_instance_tenancy", r.instanceTenancyAsString())
        .property("reservation_offering_class", r.offeringClassAsString())
        .property("reservation_offering_type", r.offeringTypeAsString())
        .property("reservation_recurring_charges", plain(r.recurringCharges()))
        .property("reservation_scope", r.scopeAsString());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "reserved-instances", r.reservedInstancesId())).build();
  }
}
