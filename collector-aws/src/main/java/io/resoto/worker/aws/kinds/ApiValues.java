package io.resoto.worker.aws.kinds;

import io.resoto.worker.graph.Node;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Pure helpers for mapping SDK objects of any service to node values: nested API structures as
 * plain maps with the original's snake_case keys, optional values left out, text attributes (SNS's
 * string maps) as numbers and booleans. EC2's kinds have their own (Ec2Values, with EC2's tags).
 */
public final class ApiValues {

  private ApiValues() {}

  /** Sets a property only when there is a value: null, an unset or empty list or map stays absent. */
  public static void put(Node.Builder b, String name, Object value) {
    if (value == null || value instanceof List<?> l && l.isEmpty() || value instanceof Map<?, ?> m && m.isEmpty()) {
      return;
    }
    b.property(name, value);
  }

  /**
   * An API structure (or list of them) as nested maps and lists of plain values with snake_case
   * keys, nulls and unset members left out; an unset (auto-constructed) list or map is null.
   */
  public static Object plain(Object value) {
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
      return out.isEmpty() ? null : out;
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
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> {
        Object p = plain(v);
        if (p != null) {
          out.put(String.valueOf(k), p);
        }
      });
      return out;
    }
    if (value instanceof java.time.Instant || value instanceof Enum<?>) {
      return value.toString();
    }
    return value;
  }

  /** A list of strings as a property: an unset list is null. */
  public static List<String> strings(List<String> values) {
    return values == null || values instanceof SdkAutoConstructList ? null : List.copyOf(values);
  }

  /** "CidrBlockAssociationSet" -> "cidr_block_association_set", "KMSKeyId" -> "kms_key_id". */
  public static String snake(String memberName) {
    return SnakeCase.of(memberName);
  }

  /** A text attribute as a number, null when absent or not a number. */
  public static Long number(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      return Long.parseLong(text.trim());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A JSON document (a policy, an SSM document's content) as plain maps, lists and values; null
   * when absent. Text that is not JSON is returned as it is.
   */
  public static Object json(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return plainJson(software.amazon.awssdk.protocols.jsoncore.JsonNode.parser().parse(text));
    } catch (RuntimeException e) {
      return text;
    }
  }

  private static Object plainJson(software.amazon.awssdk.protocols.jsoncore.JsonNode node) {
    if (node.isObject()) {
      Map<String, Object> out = new LinkedHashMap<>();
      node.asObject().forEach((k, v) -> out.put(k, plainJson(v)));
      return out;
    }
    if (node.isArray()) {
      return node.asArray().stream().map(ApiValues::plainJson).toList();
    }
    if (node.isNumber()) {
      String n = node.asNumber();
      try {
        return Long.parseLong(n);
      } catch (NumberFormatException e) {
        return Double.parseDouble(n);
      }
    }
    if (node.isBoolean()) {
      return node.asBoolean();
    }
    return node.isNull() ? null : node.asString();
  }

  /** A text attribute as a boolean ("true" in any case is true), null when absent. */
  public static Boolean bool(String text) {
    return text == null ? null : Boolean.valueOf(text.trim());
  }
}
