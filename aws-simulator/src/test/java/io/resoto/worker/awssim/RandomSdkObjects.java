package io.resoto.worker.awssim;

import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.PayloadTrait;
import software.amazon.awssdk.core.traits.RequiredTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/**
 * Generates random but valid SDK objects from their field metadata: alphanumeric strings, small
 * numbers, second-precision instants, lists of 0-3 elements, maps, nested structures to a bounded
 * depth, and enum members from the enum's own values.
 */
final class RandomSdkObjects {
  private static final String ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";
  private static final int MAX_DEPTH = 4;
  private static final Map<String, Type> MEMBER_TYPES = new ConcurrentHashMap<>();

  private final Random rnd;
  private final boolean documents;

  /**
   * @param documents whether Document members get values (only JSON protocols carry them)
   */
  RandomSdkObjects(long seed, boolean documents) {
    this.rnd = new Random(seed);
    this.documents = documents;
  }

  /** A random instance built from a fresh builder of {@code type}. */
  Object fill(Object builder, Class<?> type, int depth) {
    for (SdkField<?> f : ((SdkPojo) builder).sdkFields()) {
      Object v;
      if (f.location() == MarshallLocation.STATUS_CODE) {
        v = 200;
      } else if (depth >= MAX_DEPTH && !Values.isScalar(f)) {
        continue;
      } else if (rnd.nextInt(8) == 0 && !f.containsTrait(PayloadTrait.class) && !flattenedXml(f)
          && !f.containsTrait(RequiredTrait.class)) {
        // Leave some members absent. Not a payload structure: absent, it reads back as an empty one.
        // Not a flattened XML list: absent and empty are the same on the wire, and S3's URL-decoding
        // interceptor turns an absent list into an empty one. Not a required member: the SDK refuses
        // to send a request without one (S3's Tag.Key in PutBucketTagging).
        continue;
      } else {
        v = value(f, memberType(type, f.memberName()), depth, f.location() == MarshallLocation.HEADER);
      }
      if (v != null) {
        set(f, builder, v);
      }
    }
    return ((Buildable) builder).build();
  }

  /** A request with its required and URI members filled, everything else absent. */
  Object requiredOnly(Object builder, Class<?> type) {
    return requiredOnly(builder, type, java.util.Set.of());
  }

  /** As {@link #requiredOnly(Object, Class)}, also filling these members (by name). */
  Object requiredOnly(Object builder, Class<?> type, java.util.Set<String> alsoRequired) {
    for (SdkField<?> f : ((SdkPojo) builder).sdkFields()) {
      boolean uri = f.location() == MarshallLocation.PATH || f.location() == MarshallLocation.GREEDY_PATH;
      if (uri || f.containsTrait(RequiredTrait.class) || alsoRequired.contains(f.memberName())) {
        Object v = value(f, memberType(type, f.memberName()), 1, f.location() != MarshallLocation.PAYLOAD);
        set(f, builder, v);
      }
    }
    return ((Buildable) builder).build();
  }

  @SuppressWarnings("unchecked")
  private static void set(SdkField<?> f, Object builder, Object v) {
    ((SdkField<Object>) f).set(builder, v);
  }

  private Object value(SdkField<?> f, Type javaType, int depth, boolean header) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.STRING) {
      Class<?> enumType = rawClass(javaType);
      if (enumType != null && enumType.isEnum()) {
        List<String> values = new ArrayList<>();
        for (Object c : enumType.getEnumConstants()) {
          if (!"UNKNOWN_TO_SDK_VERSION".equals(((Enum<?>) c).name())) {
            values.add(c.toString());
          }
        }
        if (!values.isEmpty()) {
          return values.get(rnd.nextInt(values.size()));
        }
      }
      return word(3 + rnd.nextInt(10));
    } else if (t == MarshallingType.INTEGER) {
      return rnd.nextInt(100_000);
    } else if (t == MarshallingType.LONG) {
      return (long) rnd.nextInt(1_000_000_000) * 7L;
    } else if (t == MarshallingType.SHORT) {
      return (short) rnd.nextInt(1000);
    } else if (t == MarshallingType.BYTE) {
      return (byte) rnd.nextInt(100);
    } else if (t == MarshallingType.FLOAT) {
      return rnd.nextInt(4000) / 4.0f;
    } else if (t == MarshallingType.DOUBLE) {
      return rnd.nextInt(80_000) / 8.0;
    } else if (t == MarshallingType.BIG_DECIMAL) {
      return BigDecimal.valueOf(rnd.nextInt(1_000_000), 2);
    } else if (t == MarshallingType.BOOLEAN) {
      return rnd.nextBoolean();
    } else if (t == MarshallingType.INSTANT) {
      return Instant.ofEpochSecond(1_500_000_000L + rnd.nextInt(200_000_000));
    } else if (t == MarshallingType.SDK_BYTES) {
      byte[] b = new byte[1 + rnd.nextInt(8)];
      rnd.nextBytes(b);
      return SdkBytes.fromByteArray(b);
    } else if (t == MarshallingType.DOCUMENT) {
      return documents ? Document.mapBuilder().putString(word(4), word(6)).putNumber(word(3), rnd.nextInt(99))
          .putBoolean(word(5), rnd.nextBoolean()).build() : null;
    } else if (t == MarshallingType.SDK_POJO) {
      Object b = f.constructor().get();
      return fill(b, builtClass(b), depth + 1);
    } else if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      Type memberType = typeArgument(javaType, 0);
      int n = rnd.nextInt(4);
      if (n == 0 && (header || (!documents && f.getTrait(ListTrait.class).isFlattened()))) {
        n = 1; // an empty header list or flattened XML list is no element at all: absent, not empty
      }
      List<Object> out = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Object v = value(member, memberType, depth + 1, header);
        if (v != null) {
          out.add(v);
        }
      }
      return out;
    } else if (t == MarshallingType.MAP) {
      SdkField<?> valueField = f.getTrait(MapTrait.class).valueFieldInfo();
      Type keyType = typeArgument(javaType, 0);
      Type valueType = typeArgument(javaType, 1);
      Class<?> keyEnum = rawClass(keyType);
      boolean flatXml = !documents && f.getTrait(MapTrait.class).isFlattened();
      int n = header || flatXml ? 1 + rnd.nextInt(3) : rnd.nextInt(4);
      Map<String, Object> out = new HashMap<>();
      for (int i = 0; i < n; i++) {
        String key = keyEnum != null && keyEnum.isEnum() && keyEnum.getEnumConstants().length > 1
            ? keyEnum.getEnumConstants()[rnd.nextInt(keyEnum.getEnumConstants().length - 1)].toString()
            : word(2 + rnd.nextInt(6));
        Object v = value(valueField, valueType, depth + 1, header);
        if (v != null) {
          out.put(key, v);
        }
      }
      return out;
    }
    return null;
  }

  private boolean flattenedXml(SdkField<?> f) {
    ListTrait list = f.getTrait(ListTrait.class);
    return !documents && list != null && list.isFlattened();
  }

  String word(int length) {
    StringBuilder sb = new StringBuilder(length);
    sb.append((char) ('a' + rnd.nextInt(26)));
    for (int i = 1; i < length; i++) {
      sb.append(ALNUM.charAt(rnd.nextInt(ALNUM.length())));
    }
    return sb.toString();
  }

  static Class<?> builtClass(Object builder) {
    return ((Buildable) builder).build().getClass();
  }

  /** The Java type of a member's typed getter: an enum, List of enum, Map, ... */
  static Type memberType(Class<?> type, String memberName) {
    if (type == null) {
      return null;
    }
    String key = type.getName() + "#" + memberName;
    Type cached = MEMBER_TYPES.get(key);
    if (cached != null) {
      return cached == Void.class ? null : cached;
    }
    Type found = null;
    String wanted = memberName.toLowerCase(Locale.ROOT);
    for (Method m : type.getMethods()) {
      if (m.getParameterCount() == 0 && m.getName().toLowerCase(Locale.ROOT).equals(wanted)) {
        found = m.getGenericReturnType();
        break;
      }
    }
    MEMBER_TYPES.put(key, found == null ? Void.class : found);
    return found;
  }

  private static Type typeArgument(Type t, int i) {
    if (t instanceof ParameterizedType p && p.getActualTypeArguments().length > i) {
      return p.getActualTypeArguments()[i];
    }
    return null;
  }

  private static Class<?> rawClass(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    return null;
  }

  /** Scalar checks on field metadata. */
  static final class Values {
    private Values() {}

    static boolean isScalar(SdkField<?> f) {
      MarshallingType<?> t = f.marshallingType();
      return t != MarshallingType.SDK_POJO && t != MarshallingType.LIST && t != MarshallingType.MAP;
    }
  }
}
