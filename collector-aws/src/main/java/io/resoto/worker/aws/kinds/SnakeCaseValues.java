package io.resoto.worker.aws.kinds;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Pure helpers for kinds that report nested API structures as the original does: as maps with
 * snake_case keys (the original's nested value objects), so users query e.g.
 * {@code autoscaling_launch_template.launch_template_id}. Shared by the autoscaling, cloudtrail,
 * config, athena and apigateway kinds.
 */
public final class SnakeCaseValues {

  /** The model kind of a nested structure. */
  public static final String OBJECT = "dictionary[string, any]";
  /** The model kind of a list of nested structures. */
  public static final String OBJECTS = "dictionary[string, any][]";

  private SnakeCaseValues() {}

  /**
   * An SDK structure, list or map as nested maps with snake_case keys; nulls, empty structures
   * and the SDK's unset (auto-construct) lists and maps are left out, so they are not exported.
   * Map keys (user data such as stage variables or HTTP methods) are kept as they are.
   */
  public static Object plain(Object value) {
    if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
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
    return value;
  }

  /** A list of strings as a property: an unset or empty list is null (not exported). */
  public static List<String> strings(List<String> values) {
    return values == null || values.isEmpty() ? null : List.copyOf(values);
  }

  /** "TargetGroupARNs" -> "target_group_ar_ns", "vpcEndpointIds" -> "vpc_endpoint_ids" (the original's rule). */
  public static String snake(String memberName) {
    return SnakeCase.of(memberName);
  }
}
