package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.KindContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Pure helpers shared by the EC2 compute and storage kinds: tags, EC2 ARNs, and nested API
 * structures as the snake_case maps the original reports for its nested value objects.
 */
final class Ec2ComputeValues {

  /** The kind names other kinds point at by resource id. */
  static final String VPC = "aws_vpc";
  static final String SUBNET = "aws_ec2_subnet";
  static final String KMS_KEY = "aws_kms_key";
  static final String IAM_INSTANCE_PROFILE = "aws_iam_instance_profile";

  /** Kind strings of nested values in the model. */
  static final String OBJECT = "dictionary[string, any]";
  static final String OBJECTS = "dictionary[string, any][]";

  private Ec2ComputeValues() {}

  /** EC2's {@code [{Key, Value}]} tags as a map (ToDict in the original). */
  static Map<String, String> tags(List<Tag> tags) {
    return Ec2Values.tags(tags);
  }

  /** The value of one tag, or null. */
  static String tag(List<Tag> tags, String key) {
    return tags(tags).get(key);
  }

  /** The EC2 ARN the original formats for resources whose API item carries none. */
  static String arn(KindContext ctx, String type, String id) {
    return Ec2Values.arn(ctx, type, id);
  }

  /** The key id at the end of a KMS key ARN (the API names keys by ARN, the kms kind by id). */
  static String kmsKeyId(String arnOrId) {
    if (arnOrId == null) {
      return null;
    }
    int slash = arnOrId.lastIndexOf('/');
    return slash < 0 ? arnOrId : arnOrId.substring(slash + 1);
  }

  /**
   * An SDK structure (or list of them) as nested maps with snake_case keys, nulls and empty SDK
   * auto-construct lists left out, so users query {@code instance_placement.availability_zone}
   * exactly as in the original. Unlike {@link Ec2Values#plain} (the networking kinds), empty
   * structures and lists are left out too.
   */
  static Object plain(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof SdkPojo pojo) {
      Map<String, Object> out = new LinkedHashMap<>();
      for (SdkField<?> field : pojo.sdkFields()) {
        Object v = plain(field.getValueOrDefault(pojo));
        if (v != null) {
          out.put(snake(field.memberName()), v);
        }
      }
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Collection<?> c) {
      if (c.isEmpty()) {
        return null;
      }
      List<Object> out = new ArrayList<>();
      c.forEach(v -> {
        Object p = plain(v);
        if (p != null) {
          out.add(p);
        }
      });
      return out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof SdkBytes b) {
      return b.asUtf8String();
    }
    return value;
  }

  /** A list that is empty in the API (the SDK never returns null lists) as null, so it is not exported. */
  static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  /** {@code AvailabilityZone} -> {@code availability_zone} (one rule for every EC2 kind). */
  static String snake(String member) {
    return Ec2Values.snake(member);
  }
}
