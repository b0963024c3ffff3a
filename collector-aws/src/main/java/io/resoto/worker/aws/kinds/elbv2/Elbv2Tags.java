package io.resoto.worker.aws.kinds.elbv2;

import io.resoto.worker.aws.engine.TagSupport;
import io.resoto.worker.aws.kinds.SdkMaps;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TagDescription;

/** Tags of ELBv2 load balancers and target groups: read by ARN in batches, written by ARN. */
final class Elbv2Tags {

  /** DescribeTags takes at most 20 ARNs. */
  static final int BATCH = 20;

  /** Tags through elasticloadbalancing:AddTags and elasticloadbalancing:RemoveTags with the resource's ARN. */
  static final Optional<TagSupport> BY_ARN = Optional.of(TagSupport.of(
      List.of("elasticloadbalancing:AddTags"),
      (ctx, key, value) -> ctx.client(ElasticLoadBalancingV2Client.builder())
          .addTags(r -> r.resourceArns(ctx.arn()).tags(Tag.builder().key(key).value(value).build())),
      List.of("elasticloadbalancing:RemoveTags"),
      (ctx, key) -> ctx.client(ElasticLoadBalancingV2Client.builder())
          .removeTags(r -> r.resourceArns(ctx.arn()).tagKeys(key))));

  private Elbv2Tags() {}

  /** The tags of these resources by ARN, one DescribeTags call per 20 ARNs. */
  static Map<String, Map<String, String>> read(ElasticLoadBalancingV2Client elb, List<String> arns) {
    Map<String, Map<String, String>> out = new HashMap<>();
    for (int i = 0; i < arns.size(); i += BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + BATCH));
      for (TagDescription d : elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions()) {
        out.put(d.resourceArn(), SdkMaps.tags(d.tags(), Tag::key, Tag::value));
      }
    }
    return out;
  }

  /** The load balancer name in an ELBv2 load balancer ARN ({@code .../loadbalancer/app/<name>/<id>}). */
  static String loadBalancerName(String arn) {
    if (arn == null) {
      return null;
    }
    String[] path = arn.substring(arn.indexOf(":loadbalancer/") + 1).split("/");
    return path.length >= 3 ? path[2] : null;
  }
}
