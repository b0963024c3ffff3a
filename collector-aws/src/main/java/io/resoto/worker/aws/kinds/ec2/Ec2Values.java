package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.KindContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Pure helpers the EC2 networking kinds share to turn API items into node values: tags, the
 * {@code Name} tag, and nested API structures as plain maps with the snake_case keys the original
 * reports (e.g. {@code CidrBlockState} becomes {@code cidr_block_state}).
 */
final class Ec2Values {

  private Ec2Values() {}

  /** EC2's {@code [{Key, Value}]} tag list as a map; an absent list is no tags. */
  static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      for (Tag t : tags) {
        if (t.key() != null) {
          out.put(t.key(), t.value());
        }
      }
    }
    return out;
  }

  /** The value of the {@code Name} tag, or null. */
  static String nameTag(List<Tag> tags) {
    return tags(tags).get("Name");
  }

  /** The first non-null value. */
  @SafeVarargs
  static <T> T orElse(T... values) {
    for (T v : values) {
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  /**
   * An API structure (or list of them) as nested maps and lists of plain values, nulls and unset
   * members left out, so properties carry what the API answered and nothing the SDK invented.
   * Null stays null, and an unset (auto-constructed) list becomes null, not an empty list.
   */
  static Object plain(Object value) {
    if (value == null || value instanceof SdkAutoConstructList || value instanceof SdkAutoConstructMap) {
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
      return out;
    }
    if (value instanceof List<?> list) {
      List<Object> out = new ArrayList<>(list.size());
      for (Object item : list) {
        Object v = plain(item);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    }
    return value;
  }

  /** The original's EC2 ARN template: arn:{partition}:ec2:{region}:{account}:{type}/{id}. */
  static String arn(KindContext ctx, String type, String id) {
    return "arn:" + ctx.partition() + ":ec2:" + ctx.regionName() + ":" + ctx.account().id() + ":" + type + "/" + id;
  }

  /** A list of strings as a property: an unset list is null. */
  static List<String> strings(List<String> values) {
    return values == null || values instanceof SdkAutoConstructList ? null : List.copyOf(values);
  }

  /** "CidrBlockAssociationSet" -> "cidr_block_association_set", "Ipv6CidrBlock" -> "ipv6_cidr_block". */
  static String snake(String memberName) {
    return io.resoto.worker.aws.kinds.SnakeCase.of(memberName);
  }
}
