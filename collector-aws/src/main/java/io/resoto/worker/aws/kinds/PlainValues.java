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
 * Pure helpers for turning API items of any service into node values: nested API structures as
 * plain maps with the snake_case keys the original reports, lists of strings, and properties set
 * only when the API answered them.
 */
public final class PlainValues {

  private PlainValues() {}

  /**
   * An API structure (or list or map of them) as nested maps and lists of plain values, nulls and
   * unset members left out, so properties carry what the API answered and nothing the SDK
   * invented. An unset (auto-constructed) list or map becomes null, not an empty one; enums,
   * timestamps and numbers stay as the SDK gives them (enums as their wire strings).
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
    if (value instanceof Integer i) {
      return i.longValue();
    }
    if (value instanceof Enum<?>) {
      return value.toString();
    }
    return value;
  }

  /** A list of strings as a property: an unset list is null. */
  public static List<String> strings(List<String> values) {
    return values == null || values instanceof SdkAutoConstructList ? null : List.copyOf(values);
  }

  /** An int as the model's int64, null staying null. */
  public static Long int64(Integer value) {
    return value == null ? null : value.longValue();
  }

  /** Sets the property when the value is not null (empty maps and lists count as unset). */
  public static void put(Node.Builder b, String name, Object value) {
    Object v = value instanceof Integer i ? Long.valueOf(i) : value;
    if (v == null || v instanceof Map<?, ?> m && m.isEmpty() || v instanceof List<?> l && l.isEmpty()
        || v instanceof String s && s.isEmpty()) {
      return;
    }
    b.property(name, v);
  }

  /** "GlobalSecondaryIndexes" -> "global_secondary_indexes", "SSEDescription" -> "sse_description". */
  public static String snake(String memberName) {
    return SnakeCase.of(memberName);
  }
}
