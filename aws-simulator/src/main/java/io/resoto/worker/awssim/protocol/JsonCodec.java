package io.resoto.worker.awssim.protocol;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.fasterxml.jackson.dataformat.cbor.CBORGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkNumber;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * JSON bodies of the JSON and REST-JSON protocols, by the fields' location names: timestamps as
 * epoch seconds unless a TimestampFormatTrait says otherwise, blobs in base64. The same structure
 * in CBOR is the body of the CBOR protocol (Kinesis): there timestamps are CBOR tag 1 with epoch
 * milliseconds, as the SDK's CBOR generator writes them and its unmarshaller reads them, and blobs
 * are CBOR byte strings.
 */
final class JsonCodec {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final ObjectMapper CBOR_MAPPER = new ObjectMapper(new CBORFactory());
  private static final JsonFactory CBOR_FACTORY = CBOR_MAPPER.getFactory();

  private JsonCodec() {}

  // ---- decoding ----

  static JsonNode parse(byte[] body) {
    return parse(body, false);
  }

  /** Parses a JSON body, or a CBOR one. */
  static JsonNode parse(byte[] body, boolean cbor) {
    ObjectMapper mapper = cbor ? CBOR_MAPPER : MAPPER;
    if (body.length == 0) {
      return mapper.createObjectNode();
    }
    try {
      return mapper.readTree(body);
    } catch (IOException e) {
      throw new Values.DecodeException("the body is not " + (cbor ? "CBOR" : "JSON") + ": " + e.getMessage(), e);
    }
  }

  static void decodeInto(Object builder, List<SdkField<?>> fields, JsonNode node) {
    decodeInto(builder, fields, node, false);
  }

  /** Decodes a body's payload fields into the builder; a CBOR body's timestamps are epoch milliseconds. */
  static void decodeInto(Object builder, List<SdkField<?>> fields, JsonNode node, boolean cbor) {
    if (node == null || !node.isObject()) {
      return;
    }
    for (SdkField<?> f : fields) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      JsonNode v = node.get(f.locationName());
      if (v != null && !v.isNull()) {
        Values.set(f, builder, value(f, v, cbor));
      }
    }
  }

  static Object value(SdkField<?> f, JsonNode v) {
    return value(f, v, false);
  }

  private static Object value(SdkField<?> f, JsonNode v, boolean cbor) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.SDK_POJO) {
      Object b = f.constructor().get();
      decodeInto(b, ((SdkPojo) b).sdkFields(), v, cbor);
      return Values.build(b);
    } else if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> out = new ArrayList<>();
      for (JsonNode e : v) {
        out.add(e.isNull() ? null : value(member, e, cbor));
      }
      return out;
    } else if (t == MarshallingType.MAP) {
      SdkField<?> valueField = f.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> out = new HashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        out.put(e.getKey(), e.getValue().isNull() ? null : value(valueField, e.getValue(), cbor));
      }
      return out;
    } else if (t == MarshallingType.DOCUMENT) {
      return document(v);
    } else if (t == MarshallingType.SDK_BYTES && v.isBinary()) {
      try {
        return SdkBytes.fromByteArray(v.binaryValue());
      } catch (IOException e) {
        throw new Values.DecodeException("bad binary value: " + e.getMessage(), e);
      }
    } else if (t == MarshallingType.INSTANT) {
      if (v.isNumber()) {
        // a CBOR body's timestamps are epoch milliseconds (the number is read without its tag)
        TimestampFormatTrait.Format fmt = Values.timestampFormat(f, cbor
            ? TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS : TimestampFormatTrait.Format.UNIX_TIMESTAMP);
        return fmt == TimestampFormatTrait.Format.UNIX_TIMESTAMP_MILLIS
            ? Instant.ofEpochMilli(v.longValue()) : Codecs.fromEpochSeconds(v.decimalValue());
      }
      return Codecs.parseInstant(v.asText());
    } else if (t == MarshallingType.BOOLEAN) {
      return v.isBoolean() ? v.booleanValue() : Boolean.valueOf(v.asText());
    }
    return Values.parse(t, v.isNumber() ? v.numberValue().toString() : v.asText());
  }

  private static Document document(JsonNode v) {
    if (v == null || v.isNull()) {
      return Document.fromNull();
    } else if (v.isBoolean()) {
      return Document.fromBoolean(v.booleanValue());
    } else if (v.isNumber()) {
      return Document.fromNumber(SdkNumber.fromString(v.numberValue().toString()));
    } else if (v.isTextual()) {
      return Document.fromString(v.textValue());
    } else if (v.isArray()) {
      List<Document> list = new ArrayList<>();
      v.forEach(e -> list.add(document(e)));
      return Document.fromList(list);
    }
    Map<String, Document> map = new LinkedHashMap<>();
    v.fields().forEachRemaining(e -> map.put(e.getKey(), document(e.getValue())));
    return Document.fromMap(map);
  }

  // ---- encoding ----

  /** The JSON object of a structure's payload fields. */
  static byte[] encode(Object pojo, List<SdkField<?>> fields) {
    return encode(pojo, fields, false);
  }

  /** The JSON (or CBOR) object of a structure's payload fields. */
  static byte[] encode(Object pojo, List<SdkField<?>> fields, boolean cbor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = (cbor ? CBOR_FACTORY : FACTORY).createGenerator(out)) {
      writeStruct(g, pojo, fields);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A JSON object of the given string fields (error bodies). */
  static byte[] object(Map<String, String> members) {
    return object(members, false);
  }

  /** A JSON (or CBOR) object of the given string fields (error bodies). */
  static byte[] object(Map<String, String> members, boolean cbor) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(128);
    try (JsonGenerator g = (cbor ? CBOR_FACTORY : FACTORY).createGenerator(out)) {
      g.writeStartObject();
      for (Map.Entry<String, String> e : members.entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  static boolean absent(Object v) {
    return v == null || v instanceof SdkAutoConstructList || v instanceof SdkAutoConstructMap;
  }

  private static void writeStruct(JsonGenerator g, Object pojo, List<SdkField<?>> fields) throws IOException {
    g.writeStartObject();
    for (SdkField<?> f : fields) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = f.getValueOrDefault(pojo);
      if (absent(v)) {
        continue;
      }
      g.writeFieldName(f.locationName());
      writeValue(g, f, v);
    }
    g.writeEndObject();
  }

  private static void writeValue(JsonGenerator g, SdkField<?> f, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof String s) {
      g.writeString(s);
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer i) {
      g.writeNumber(i);
    } else if (v instanceof Long l) {
      g.writeNumber(l);
    } else if (v instanceof Short s) {
      g.writeNumber(s);
    } else if (v instanceof Byte b) {
      g.writeNumber(b);
    } else if (v instanceof Float fl) {
      g.writeNumber(fl);
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof Instant t && g instanceof CBORGenerator cbor) {
      // as the SDK's own CBOR generator: tag 1 (epoch-based date/time) with epoch milliseconds
      cbor.writeTag(1);
      cbor.writeNumber(t.toEpochMilli());
    } else if (v instanceof SdkBytes b && g instanceof CBORGenerator) {
      g.writeBinary(b.asByteArrayUnsafe());
    } else if (v instanceof Instant t) {
      TimestampFormatTrait.Format fmt = Values.timestampFormat(f, TimestampFormatTrait.Format.UNIX_TIMESTAMP);
      switch (fmt) {
        case UNIX_TIMESTAMP -> g.writeNumber(Codecs.epochSeconds(t));
        case UNIX_TIMESTAMP_MILLIS -> g.writeNumber(t.toEpochMilli());
        default -> g.writeString(Codecs.formatInstant(t, fmt));
      }
    } else if (v instanceof SdkBytes b) {
      g.writeString(Base64.getEncoder().encodeToString(b.asByteArrayUnsafe()));
    } else if (v instanceof Document d) {
      writeDocument(g, d);
    } else if (v instanceof List<?> list) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      g.writeStartArray();
      for (Object e : list) {
        writeValue(g, member, e);
      }
      g.writeEndArray();
    } else if (v instanceof Map<?, ?> map) {
      SdkField<?> valueField = f.getTrait(MapTrait.class).valueFieldInfo();
      g.writeStartObject();
      for (Map.Entry<?, ?> e : map.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        writeValue(g, valueField, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof SdkPojo p) {
      writeStruct(g, p, p.sdkFields());
    } else {
      throw new IllegalArgumentException("cannot write " + v.getClass() + " as JSON");
    }
  }

  private static void writeDocument(JsonGenerator g, Document d) throws IOException {
    if (d == null || d.isNull()) {
      g.writeNull();
    } else if (d.isBoolean()) {
      g.writeBoolean(d.asBoolean());
    } else if (d.isNumber()) {
      g.writeNumber(d.asNumber().bigDecimalValue());
    } else if (d.isString()) {
      g.writeString(d.asString());
    } else if (d.isList()) {
      g.writeStartArray();
      for (Document e : d.asList()) {
        writeDocument(g, e);
      }
      g.writeEndArray();
    } else {
      g.writeStartObject();
      for (Map.Entry<String, Document> e : d.asMap().entrySet()) {
        g.writeFieldName(e.getKey());
        writeDocument(g, e.getValue());
      }
      g.writeEndObject();
    }
  }
}
