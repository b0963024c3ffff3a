package io.resoto.worker.awssim.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.utils.builder.SdkBuilder;

/**
 * Turns data in the API's own shape (maps keyed by the service model's member names, as in the
 * AWS API reference: {@code InstanceId}, {@code Tags: [{Key, Value}]}) into the SDK's model
 * objects and back, driven by the SDK's field metadata. The estate is written this way, so what
 * the simulator serves is what AWS would, never pre-mapped data.
 */
public final class SdkObjects {

  private SdkObjects() {}

  /**
   * Builds a model object of {@code type} from a map. Throws IllegalArgumentException naming the
   * path of the first value that does not fit (an unknown member lists the known ones).
   */
  public static <T extends SdkPojo> T fromMap(Class<T> type, Map<?, ?> data, String path) {
    Supplier<SdkPojo> builder = () -> newBuilder(type);
    return type.cast(build(builder, data, path, type.getSimpleName()));
  }

  /** The object as nested maps and lists of plain values (Instant for timestamps), nulls left out. */
  public static Map<String, Object> toMap(SdkPojo pojo) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (SdkField<?> field : pojo.sdkFields()) {
      Object value = field.getValueOrDefault(pojo);
      Object plain = plain(field, value);
      if (plain != null) {
        out.put(field.memberName(), plain);
      }
    }
    return out;
  }

  private static Object plain(SdkField<?> field, Object value) {
    if (value == null) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    if (type == MarshallingType.SDK_POJO) {
      return toMap((SdkPojo) value);
    }
    if (type == MarshallingType.LIST) {
      if (value instanceof software.amazon.awssdk.core.util.SdkAutoConstructList) {
        return null;
      }
      SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
      List<Object> items = new ArrayList<>();
      for (Object item : (List<?>) value) {
        items.add(plain(member, item));
      }
      return items;
    }
    if (type == MarshallingType.MAP) {
      if (value instanceof software.amazon.awssdk.core.util.SdkAutoConstructMap) {
        return null;
      }
      SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> items = new LinkedHashMap<>();
      ((Map<?, ?>) value).forEach((k, v) -> items.put(String.valueOf(k), plain(member, v)));
      return items;
    }
    if (type == MarshallingType.SDK_BYTES) {
      return Base64.getEncoder().encodeToString(((SdkBytes) value).asByteArray());
    }
    return value;
  }

  @SuppressWarnings("unchecked")
  private static <T> SdkPojo newBuilder(Class<T> type) {
    try {
      return (SdkPojo) type.getMethod("builder").invoke(null);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException(type.getName() + " is not an SDK model class", e);
    }
  }

  private static Object build(Supplier<SdkPojo> newBuilder, Map<?, ?> data, String path, String typeName) {
    SdkPojo builder = newBuilder.get();
    Map<String, SdkField<?>> fields = builder.sdkFields().stream()
        .collect(Collectors.toMap(SdkField::memberName, f -> f, (a, b) -> a, LinkedHashMap::new));
    for (Map.Entry<?, ?> e : data.entrySet()) {
      String key = String.valueOf(e.getKey());
      SdkField<?> field = fields.get(key);
      if (field == null) {
        throw new IllegalArgumentException(path + "." + key + ": not a member of " + typeName
            + "; members: " + String.join(", ", fields.keySet()));
      }
      field.set(builder, convert(field, e.getValue(), path + "." + key));
    }
    return ((SdkBuilder<?, ?>) builder).build();
  }

  private static Object convert(SdkField<?> field, Object value, String path) {
    if (value == null) {
      return null;
    }
    MarshallingType<?> type = field.marshallingType();
    try {
      if (type == MarshallingType.STRING) {
        if (value instanceof Map || value instanceof List) {
          throw new IllegalArgumentException("expected a string");
        }
        return String.valueOf(value);
      }
      if (type == MarshallingType.INTEGER) {
        return number(value).intValue();
      }
      if (type == MarshallingType.LONG) {
        return number(value).longValue();
      }
      if (type == MarshallingType.SHORT) {
        return number(value).shortValue();
      }
      if (type == MarshallingType.BYTE) {
        return number(value).byteValue();
      }
      if (type == MarshallingType.FLOAT) {
        return number(value).floatValue();
      }
      if (type == MarshallingType.DOUBLE) {
        return number(value).doubleValue();
      }
      if (type == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(String.valueOf(value));
      }
      if (type == MarshallingType.BOOLEAN) {
        if (value instanceof Boolean b) {
          return b;
        }
        throw new IllegalArgumentException("expected true or false");
      }
      if (type == MarshallingType.INSTANT) {
        return instant(value);
      }
      if (type == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArray(Base64.getDecoder().decode(String.valueOf(value)));
      }
      if (type == MarshallingType.SDK_POJO) {
        if (!(value instanceof Map<?, ?> map)) {
          throw new IllegalArgumentException("expected a mapping");
        }
        return build(field.constructor(), map, path, field.memberName());
      }
      if (type == MarshallingType.LIST) {
        if (!(value instanceof List<?> list)) {
          throw new IllegalArgumentException("expected a list");
        }
        SdkField<?> member = field.getRequiredTrait(ListTrait.class).memberFieldInfo();
        List<Object> out = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
          out.add(convert(member, list.get(i), path + "[" + i + "]"));
        }
        return out;
      }
      if (type == MarshallingType.MAP) {
        if (!(value instanceof Map<?, ?> map)) {
          throw new IllegalArgumentException("expected a mapping");
        }
        SdkField<?> member = field.getRequiredTrait(MapTrait.class).valueFieldInfo();
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), convert(member, v, path + "." + k)));
        return out;
      }
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith(path)) {
        throw e;
      }
      throw new IllegalArgumentException(path + ": " + e.getMessage() + ", got " + describe(value), e);
    }
    throw new IllegalArgumentException(path + ": values of type " + type + " are not supported");
  }

  private static Number number(Object value) {
    if (value instanceof Number n) {
      return n;
    }
    if (value instanceof String s) {
      try {
        return new BigDecimal(s.trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a number");
      }
    }
    throw new IllegalArgumentException("expected a number");
  }

  private static Instant instant(Object value) {
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof Date d) {
      return d.toInstant();
    }
    if (value instanceof Number n) {
      return Instant.ofEpochMilli((long) (n.doubleValue() * 1000));
    }
    try {
      return Instant.parse(String.valueOf(value));
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected an ISO-8601 timestamp like 2024-01-02T03:04:05Z");
    }
  }

  private static String describe(Object value) {
    if (value instanceof Map) {
      return "a mapping";
    }
    if (value instanceof List) {
      return "a list";
    }
    return "'" + value + "'";
  }
}
