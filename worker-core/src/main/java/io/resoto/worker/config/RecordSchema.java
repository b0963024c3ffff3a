package io.resoto.worker.config;

import io.resoto.worker.spi.Doc;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the loader knows about one config record type: its components with their YAML keys, its
 * canonical constructor and its {@code DEFAULTS} constant. Immutable once built.
 */
final class RecordSchema {

  /**
   * One record component.
   *
   * @param key the YAML key, the component name in snake_case
   * @param type the component's generic type
   * @param accessor the record's accessor method
   * @param doc the {@link Doc} text, or null
   */
  record Component(String key, Type type, Method accessor, String doc) {

    Object get(Record record) {
      try {
        return accessor.invoke(record);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException(e);
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("accessor " + accessor + " failed", e.getCause());
      }
    }

    boolean primitive() {
      return type instanceof Class<?> c && c.isPrimitive();
    }
  }

  private final Class<? extends Record> type;
  private final Map<String, Component> components;
  private final Constructor<?> constructor;
  private final Record defaults;

  private RecordSchema(
      Class<? extends Record> type,
      Map<String, Component> components,
      Constructor<?> constructor,
      Record defaults) {
    this.type = type;
    this.components = components;
    this.constructor = constructor;
    this.defaults = defaults;
  }

  /**
   * Builds the schema of {@code type} and of every record type reachable from its components into
   * {@code registry}.
   *
   * @throws IllegalArgumentException if a component type is not supported or DEFAULTS is malformed
   */
  static RecordSchema build(Class<?> type, Map<Class<?>, RecordSchema> registry) {
    RecordSchema known = registry.get(type);
    if (known != null) {
      return known;
    }
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type.getName() + " is not a record");
    }
    @SuppressWarnings("unchecked")
    Class<? extends Record> recordType = (Class<? extends Record>) type;
    RecordComponent[] recordComponents = type.getRecordComponents();
    Map<String, Component> components = new LinkedHashMap<>();
    Class<?>[] parameterTypes = new Class<?>[recordComponents.length];
    List<Type> nested = new ArrayList<>();
    for (int i = 0; i < recordComponents.length; i++) {
      RecordComponent rc = recordComponents[i];
      String where = type.getName() + "." + rc.getName();
      Types.check(rc.getGenericType(), where);
      Method accessor = rc.getAccessor();
      accessible(accessor, where);
      Doc doc = rc.getAnnotation(Doc.class);
      String key = snakeCase(rc.getName());
      if (components.put(key, new Component(key, rc.getGenericType(), accessor, doc == null ? null : doc.value()))
          != null) {
        throw new IllegalArgumentException(where + ": two components map to the key " + key);
      }
      parameterTypes[i] = rc.getType();
      nested.add(rc.getGenericType());
    }
    Constructor<?> constructor;
    try {
      constructor = type.getDeclaredConstructor(parameterTypes);
    } catch (NoSuchMethodException e) {
      throw new IllegalArgumentException(type.getName() + " has no canonical constructor", e);
    }
    accessible(constructor, type.getName());
    RecordSchema schema =
        new RecordSchema(
            recordType,
            Collections.unmodifiableMap(components),
            constructor,
            defaultsOf(recordType));
    registry.put(type, schema);
    for (Type t : nested) {
      buildNested(t, registry);
    }
    return schema;
  }

  private static void buildNested(Type t, Map<Class<?>, RecordSchema> registry) {
    if (Types.isList(t)) {
      buildNested(Types.elementType(t), registry);
    } else if (Types.isMap(t)) {
      buildNested(Types.valueType(t), registry);
    } else if (Types.isRecord(t)) {
      build(Types.raw(t), registry);
    }
  }

  // DEFAULTS is found by name so that plugin records need no registration beyond their class.
  private static Record defaultsOf(Class<? extends Record> type) {
    Field field;
    try {
      field = type.getDeclaredField("DEFAULTS");
    } catch (NoSuchFieldException e) {
      return null;
    }
    int mods = field.getModifiers();
    if (!Modifier.isPublic(mods)
        || !Modifier.isStatic(mods)
        || !Modifier.isFinal(mods)
        || field.getType() != type) {
      throw new IllegalArgumentException(
          type.getName() + ".DEFAULTS must be a public static final " + type.getSimpleName());
    }
    accessible(field, type.getName() + ".DEFAULTS");
    try {
      Record value = (Record) field.get(null);
      if (value == null) {
        throw new IllegalArgumentException(type.getName() + ".DEFAULTS is null");
      }
      return value;
    } catch (IllegalAccessException e) {
      throw new IllegalArgumentException(type.getName() + ".DEFAULTS is not accessible", e);
    }
  }

  private static void accessible(java.lang.reflect.AccessibleObject member, String where) {
    try {
      member.setAccessible(true);
    } catch (RuntimeException e) {
      // Only a named module that does not open its package refuses; the error says which.
      throw new IllegalArgumentException(where + " is not accessible: " + e.getMessage(), e);
    }
  }

  /** {@code poolSize} becomes {@code pool_size}, {@code s3Bucket} becomes {@code s3_bucket}. */
  static String snakeCase(String camel) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < camel.length(); i++) {
      char c = camel.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          sb.append('_');
        }
        sb.append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString().toLowerCase(Locale.ROOT);
  }

  Class<? extends Record> type() {
    return type;
  }

  /** Components in record order, by YAML key. */
  Map<String, Component> components() {
    return components;
  }

  Component component(String key) {
    return components.get(key);
  }

  /** The DEFAULTS constant, or null if the record has none. */
  Record defaults() {
    return defaults;
  }

  /** The default of one component: from DEFAULTS, else null (also for primitives). */
  Object defaultOf(Component component) {
    return defaults == null ? null : component.get(defaults);
  }

  /**
   * Calls the canonical constructor.
   *
   * @throws IllegalArgumentException with the record's own message if its constructor rejects the
   *     values
   */
  Record construct(Object[] args) {
    try {
      return type.cast(constructor.newInstance(args));
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalArgumentException(
          cause.getMessage() != null ? cause.getMessage() : cause.getClass().getSimpleName(), cause);
    } catch (InstantiationException | IllegalAccessException e) {
      throw new IllegalStateException(e);
    }
  }
}
