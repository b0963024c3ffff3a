package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.DeclaredKind;
import io.resoto.worker.aws.engine.KindContext;
import io.resoto.worker.aws.engine.KindModel;
import io.resoto.worker.graph.ComplexKind;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Volume;

/**
 * {@code aws_ec2_volume_type}: one node per EBS volume type in use in a region, as the original
 * makes them (it has no API for them: it derives them from the volumes it lists), with
 * {@code ondemand_cost}, the USD list price per GB-month, live from the Price List API as the
 * original does ({@link Ec2Prices#volumeType}: volumeApiName, location and, to skip the IOPS and
 * throughput products of the same volume type, productFamily Storage). When pricing fails (e.g.
 * access denied) the types are still reported, without a price, and the failure is recorded.
 */
public final class AwsEc2VolumeTypeKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_volume_type";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("volume_type", KindModel.AWS_RESOURCE)
      .display("type", "storage")
      // a type lists the volumes of that type
      .successors(EdgeType.DEFAULT, AwsEc2VolumeKind.KIND)
      .build();

  /** Declares the kind. */
  public AwsEc2VolumeTypeKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeVolumes", "pricing:GetProducts");
  }

  @Override
  public void collect(KindContext ctx) throws Exception {
    List<Volume> volumes = AwsEc2VolumeKind.list(ctx.client(Ec2Client.builder()));
    Map<String, List<Volume>> byType = new LinkedHashMap<>();
    for (Volume v : volumes) {
      if (v.volumeTypeAsString() != null) {
        byType.computeIfAbsent(v.volumeTypeAsString(), t -> new java.util.ArrayList<>()).add(v);
      }
    }
    Exception pricingFailure = null;
    for (Map.Entry<String, List<Volume>> e : byType.entrySet()) {
      Double price = null;
      if (pricingFailure == null) {
        try {
          price = Ec2Prices.volumeType(ctx, e.getKey());
        } catch (Exception failure) {
          // the first failure stops pricing in this region; it is recorded once the types are added
          pricingFailure = failure;
        }
      }
      Node node = ctx.add(node(ctx, e.getKey(), price));
      e.getValue().forEach(v -> ctx.edge(node, AwsEc2VolumeKind.KIND, v.volumeId(), EdgeType.DEFAULT));
    }
    if (pricingFailure != null) {
      throw pricingFailure;
    }
  }

  /** Maps a volume type in use: its name, and its price when known. */
  static Node node(KindContext ctx, String type, Double ondemandCost) {
    Node.Builder b = ctx.node(KIND, type)
        .name(type)
        .categories("storage")
        .property("volume_type", type)
        .property("ondemand_cost", ondemandCost);
    // the original's template: arn:{partition}:ec2:{region}:{account}:volume/{id} (sic)
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "volume", type)).build();
  }
}
