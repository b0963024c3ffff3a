package io.resoto.worker.aws.kinds.ec2;

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
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.KeyPairInfo;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * {@code aws_ec2_keypair}: EC2 key pairs (DescribeKeyPairs, not paginated). An instance names its
 * key pair by name only, while key pairs are identified by KeyPairId, so this kind links them: it
 * looks up the instances using its key pairs (DescribeInstances, filter {@code key-name}).
 */
public final class AwsEc2KeypairKind extends DeclaredKind {

  /** The kind name. */
  public static final String KIND = "aws_ec2_keypair";

  private static final ComplexKind MODEL = KindModel.kind(KIND)
      .bases("keypair", KindModel.AWS_RESOURCE)
      .display("key", "access_control")
      // deleting a key pair in use breaks access to the instances launched with it
      .successors(EdgeType.DELETE, AwsEc2InstanceKind.KIND)
      .property("key_fingerprint", "string", "The fingerprint of the key pair.")
      .property("key_type", "string", "The type of the key pair: rsa or ed25519.")
      .property("public_key", "string", "The public key material, when EC2 returns it.")
      .build();

  /** Declares the kind. */
  public AwsEc2KeypairKind() {
    super(KIND, Scope.REGIONAL, "ec2", MODEL);
  }

  /** Tags through ec2:CreateTags and ec2:DeleteTags with the resource id. */
  @Override
  public Optional<TagSupport> tagSupport() {
    return Ec2Tags.BY_ID;
  }

  @Override
  public List<String> apiCalls() {
    return List.of("ec2:DescribeInstances", "ec2:DescribeKeyPairs");
  }

  @Override
  public void collect(KindContext ctx) {
    Ec2Client ec2 = ctx.client(Ec2Client.builder());
    List<KeyPairInfo> keys = ec2.describeKeyPairs(b -> b.includePublicKey(true)).keyPairs();
    Map<String, Node> byName = new HashMap<>();
    for (KeyPairInfo key : keys) {
      byName.put(key.keyName(), ctx.add(node(ctx, key)));
    }
    if (byName.isEmpty()) {
      return;
    }
    ec2.describeInstancesPaginator(b -> b.maxResults(1000)
            .filters(Filter.builder().name("key-name").values(byName.keySet()).build()))
        .reservations().stream().map(Reservation::instances).flatMap(List::stream)
        .forEach(i -> link(ctx, byName.get(i.keyName()), i));
  }

  /** instance -> key pair (it needs the key) and key pair -> instance over delete, as the original. */
  private static void link(KindContext ctx, Node key, Instance i) {
    if (key != null) {
      ctx.edgeFrom(AwsEc2InstanceKind.KIND, i.instanceId(), key, EdgeType.DEFAULT);
      ctx.edge(key, AwsEc2InstanceKind.KIND, i.instanceId(), EdgeType.DELETE);
    }
  }

  /** Maps a key pair: id = KeyPairId, name = KeyName, ctime = CreateTime; the ARN names the key by name. */
  static Node node(KindContext ctx, KeyPairInfo k) {
    Node.Builder b = ctx.node(KIND, k.keyPairId())
        .name(k.keyName())
        .tags(Ec2ComputeValues.tags(k.tags()))
        .ctime(k.createTime())
        .categories("access_control")
        .property("key_fingerprint", k.keyFingerprint())
        .property("key_type", k.keyTypeAsString())
        .property("public_key", k.publicKey());
    return KindContext.arn(b, Ec2ComputeValues.arn(ctx, "keypair", k.keyName())).build();
  }
}
