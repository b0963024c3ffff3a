package io.resoto.worker.config;

import io.resoto.worker.spi.Secret;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The Java types a config record component may have, and how they are named in messages. */
final class Types {

  private Types() {}

  static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    throw new IllegalArgumentException("unsupported type " + type.getTypeName());
  }

  static boolean isList(Type type) {
    return raw(type) == List.class;
  }

  static boolean isMap(Type type) {
    return raw(type) == Map.class;
  }

  static boolean isRecord(Type type) {
    return raw(type).isRecord();
  }

  /** The element type of a {@code List<T>}. */
  static Type elementType(Type listType) {
    return ((ParameterizedType) listType).getActualTypeArguments()[0];
  }

  /** The value type of a {@code Map<String, T>}. */
  static Type valueType(Type mapType) {
    return ((ParameterizedType) mapType).getActualTypeArguments()[1];
  }

  static boolean isInteger(Class<?> c) {
    return c == int.class || c == Integer.class || c == long.class || c == Long.class;
  }

  static boolean isDouble(Class<?> c) {
    return c == double.class || c == Double.class;
  }

  static boolean isBoolean(Class<?> c) {
    return c == boolean.class || c == Boolean.class;
  }

  /**
   * Throws {@link IllegalArgumentException} unless the loader can bind {@code type}; nested records
   * are checked by their own schema.
   */
  static void check(Type type, String where) {
    Class<?> c;
    try {
      c = raw(type);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + ": unsupported type " + type.getTypeName());
    }
    if (c == String.class
        || c == Secret.class
        || isInteger(c)
        || isDouble(c)
        || isBoolean(c)
        || c.isEnum()
        || c.isRecord()) {
      return;
    }
    if ((c == List.class || c == Map.class) && type instanceof ParameterizedType p) {
      Type[] args = p.getActualTypeArguments();
      if (c == Map.class && args[0] != String.class) {
        throw new IllegalArgumentException(where + ": map keys must be String");
      }
      Type element = args[args.length - 1];
      check(element, where);
      return;
    }
    throw new IllegalArgumentException(where + ": unsupported type " + type.getTypeName());
  }

  /** What a value of this type is called after "expected": "an integer", "one of a, b". */
  static String describe(Type type) {
    Class<?> c = raw(type);
    if (c == String.class || c == Secret.class) {
      return "a string";
    }
    if (isInteger(c)) {
      return "an integer";
    }
    if (isDouble(c)) {
      return "a number";
    }
    if (isBoolean(c)) {
      return "true or false";
    }
    if (c.isEnum()) {
      return "one of " + enumNames(c);
    }
    if (c == List.class) {
      return "a list";
    }
    return "a mapping";
  }

  static String yamlName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT);
  }

  static String enumNames(Class<?> enumType) {
    return Arrays.stream(enumType.getEnumConstants())
        .map(e -> yamlName((Enum<?>) e))
        .collect(Collectors.joining(", "));
  }

  /** The constant whose lower-case name is {@code text}, or null. */
  static Object enumConstant(Class<?> enumType, String text) {
    for (Object constant : enumType.getEnumConstants()) {
      if (yamlName((Enum<?>) constant).equals(text)) {
        return constant;
      }
    }
    return null;
  }

  /** The value Java gives an unset field of this type; used only to print sections without defaults. */
  static Object zero(Class<?> c) {
    if (c == int.class) {
      return 0;
    }
    if (c == long.class) {
      return 0L;
    }
    if (c == double.class) {
      return 0.0;
    }
    if (c == boolean.class) {
      return false;
    }
    return null;
  }
}
