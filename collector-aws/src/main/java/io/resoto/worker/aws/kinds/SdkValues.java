package io.resoto.worker.aws.kinds;

import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * Pure helpers for kinds whose API items are nested SDK structures (ECS, EKS, EFS, ElastiCache,
 * Elastic Beanstalk): nested values as the snake_case maps the original reports, tags from
 * key/value lists, and the parts of ARNs that name other resources. The EC2 kinds have their own
 * (package-private) copy of the same rules.
 */
public final class SdkValues {

  /** Kind string of a nested structure in the model. */
  public static final String OBJECT = "dictionary[string, any]";
  /** Kind string of a list of nested structures in the model. */
  public static final String OBJECTS = "dictionary[string, any][]";

  private SdkValues() {}

  /**
   * An SDK structure (or list or map of them) as nested maps with snake_case keys; nulls, empty
   * structures and empty lists are left out, so only what the API answered is exported.
   */
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
      return out.isEmpty() ? null : out;
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
      if (m.isEmpty()) {
        return null;
      }
      Map<String, Object> out = new LinkedHashMap<>();
      m.forEach((k, v) -> out.put(String.valueOf(k), plain(v)));
      return out;
    }
    if (value instanceof SdkBytes b) {
      return b.asUtf8String();
    }
    return value;
  }

  /** Sets a property when the API gave a value: null, empty lists, maps and structures are left out. */
  public static void put(Node.Builder b, String name, Object value) {
    Object v = plain(value);
    if (v != null) {
      b.property(name, v);
    }
  }

  /** A key/value tag list as a map (absent = no tags), whatever the tag class of the service. */
  public static <T> Map<String, String> tags(List<T> tags, Function<T, String> key, Function<T, String> value) {
    Map<String, String> out = new LinkedHashMap<>();
    if (tags != null) {
      for (T t : tags) {
        if (key.apply(t) != null) {
          out.put(key.apply(t), value.apply(t));
        }
      }
    }
    return out;
  }

  /** The part of an ARN after its last {@code /} (the original's id_from_arn), or null. */
  public static String lastPart(String arn) {
    if (arn == null) {
      return null;
    }
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  /** {@code ResourcesVpcConfig} -> {@code resources_vpc_config}, {@code bindIP} -> {@code bind_ip}. */
  public static String snake(String member) {
    return SnakeCase.of(member);
  }
}
