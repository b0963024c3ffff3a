package io.resoto.worker.aws.kinds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Nested API structures as the snake_case maps the original reports for its nested value
 * objects, shared by the load balancer, Lambda, RDS, Redshift, OpenSearch and WAF kinds. Nulls and
 * empty lists and maps are left out (the SDK hands out empty ones for absent lists and maps), so a
 * property is either filled or not exported; a structure that is present but empty stays, as an
 * empty map (WAF's {@code {"Allow": {}}} is the whole of an allow action).
 */
public final class SdkMaps {

  /** Kind string of one nested structure in the model. */
  public static final String OBJECT = "dictionary[string, any]";
  /** Kind string of a list of nested structures in the model. */
  public static final String OBJECTS = "dictionary[string, any][]";

  private SdkMaps() {}

  /** An SDK structure, list or map as plain values with snake_case keys; null when empty. */
  public static Object plain(Object value) {
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
      // a structure is null when absent; present and empty it still means something (WAF's {"Allow": {}})
      return out;
    }
    if (value instanceof Collection<?> c) {
      List<Object> out = new ArrayList<>();
      c.forEach(v -> {
        Object p = plain(v);
        if (p != null) {
          out.add(p);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (value instanceof Map<?, ?> m) {
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> {
        Object p = plain(v);
        if (p != null) {
          out.put(String.valueOf(k), p);
        }
      });
      return out.isEmpty() ? null : out;
    }
    if (value instanceof SdkBytes b) {
      return b.asUtf8String();
    }
    if (value instanceof Integer i) {
      return i.longValue();
    }
    return value;
  }

  /** A list that is empty in the API as null, so it is not exported. */
  public static <T> List<T> orNull(List<T> list) {
    return list == null || list.isEmpty() ? null : list;
  }

  /** An int as the model's int64, null kept. */
  public static Long int64(Integer value) {
    return value == null ? null : value.longValue();
  }

  /** A text that is empty in the API as null. */
  public static String text(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  /** {@code [{Key, Value}]} tags of any service as a map (ToDict in the original); null keys skipped. */
  public static <T> Map<String, String> tags(List<T> tags, java.util.function.Function<T, String> key,
      java.util.function.Function<T, String> value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      for (T t : tags) {
        if (key.apply(t) != null) {
          out.put(key.apply(t), value.apply(t) == null ? "" : value.apply(t));
        }
      }
    }
    return out;
  }

  /** {@code AvailabilityZone} -> {@code availability_zone}, {@code KMSKeyArn} -> {@code kms_key_arn} (the EC2 kinds' rule). */
  public static String snake(String member) {
    return SnakeCase.of(member);
  }

  /**
   * A property read straight from one member of an API structure (as {@link #plain} values), for
   * kinds whose properties mirror their API item one to one: the model and the mapping come from
   * one table, so neither can miss a property the other has.
   *
   * @param property the property name
   * @param type the model kind of the value
   * @param member the API member name, e.g. {@code DBInstanceClass}
   * @param description what the value means, for users
   */
  public record Member(String property, String type, String member, String description) {

    /** The member's value in {@code item}, null when the structure has no such member or it is empty. */
    public Object valueIn(SdkPojo item) {
      for (SdkField<?> field : item.sdkFields()) {
        if (field.memberName().equals(member)) {
          return plain(field.getValueOrDefault(item));
        }
      }
      throw new IllegalArgumentException(item.getClass().getSimpleName() + " has no member " + member);
    }
  }

  /** Declares every member property on the model. */
  public static io.resoto.worker.aws.engine.KindModel declare(io.resoto.worker.aws.engine.KindModel model,
      List<Member> members) {
    for (Member m : members) {
      model.property(m.property(), m.type(), m.description());
    }
    return model;
  }

  /** Sets every member property from the item. */
  public static io.resoto.worker.graph.Node.Builder fill(io.resoto.worker.graph.Node.Builder builder,
      List<Member> members, SdkPojo item) {
    for (Member m : members) {
      builder.property(m.property(), m.valueIn(item));
    }
    return builder;
  }
}
