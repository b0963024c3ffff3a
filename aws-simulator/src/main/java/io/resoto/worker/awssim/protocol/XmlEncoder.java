package io.resoto.worker.awssim.protocol;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/**
 * Writes SDK objects as the XML the SDK's query, EC2 and REST-XML unmarshallers read: elements
 * named by the fields' unmarshall location names, wrapped lists with their member name or
 * flattened lists as repeated elements, maps as entry/key/value, timestamps in ISO-8601 unless a
 * trait says otherwise, and XML attribute members as attributes.
 */
final class XmlEncoder {
  private XmlEncoder() {}

  /** Appends the payload fields of a structure as child elements. */
  static void writeFields(StringBuilder sb, Object pojo, List<SdkField<?>> fields) {
    for (SdkField<?> f : fields) {
      if (f.location() != MarshallLocation.PAYLOAD || f.containsTrait(XmlAttributeTrait.class)) {
        continue;
      }
      Object v = f.getValueOrDefault(pojo);
      if (JsonCodec.absent(v)) {
        continue;
      }
      writeField(sb, f, f.unmarshallLocationName(), v);
    }
  }

  /** Writes {@code <name attrs>fields</name>} for a structure. */
  static void writeStruct(StringBuilder sb, String name, SdkPojo pojo, String xmlns) {
    sb.append('<').append(name);
    if (xmlns != null) {
      sb.append(" xmlns=\"").append(xmlns).append('"');
    }
    boolean xsi = false;
    for (SdkField<?> f : pojo.sdkFields()) {
      if (f.containsTrait(XmlAttributeTrait.class)) {
        Object v = f.getValueOrDefault(pojo);
        if (v != null) {
          String attr = f.unmarshallLocationName();
          if (attr.startsWith("xsi:") && !xsi) {
            sb.append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"");
            xsi = true;
          }
          sb.append(' ').append(attr).append("=\"");
          escape(sb, Values.format(f, v, TimestampFormatTrait.Format.ISO_8601));
          sb.append('"');
        }
      }
    }
    sb.append('>');
    writeFields(sb, pojo, pojo.sdkFields());
    sb.append("</").append(name).append('>');
  }

  private static void writeField(StringBuilder sb, SdkField<?> f, String name, Object v) {
    if (v instanceof List<?> list) {
      ListTrait trait = f.getTrait(ListTrait.class);
      SdkField<?> member = trait.memberFieldInfo();
      if (trait.isFlattened()) {
        for (Object e : list) {
          writeValue(sb, member, name, e);
        }
      } else {
        String memberName = trait.memberLocationName() != null ? trait.memberLocationName() : member.locationName();
        sb.append('<').append(name).append('>');
        for (Object e : list) {
          writeValue(sb, member, memberName, e);
        }
        sb.append("</").append(name).append('>');
      }
    } else if (v instanceof Map<?, ?> map) {
      MapTrait trait = f.getTrait(MapTrait.class);
      String key = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
      String val = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
      SdkField<?> valueField = trait.valueFieldInfo();
      if (!trait.isFlattened()) {
        sb.append('<').append(name).append('>');
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        String entry = trait.isFlattened() ? name : "entry";
        sb.append('<').append(entry).append("><").append(key).append('>');
        escape(sb, String.valueOf(e.getKey()));
        sb.append("</").append(key).append('>');
        writeValue(sb, valueField, val, e.getValue());
        sb.append("</").append(entry).append('>');
      }
      if (!trait.isFlattened()) {
        sb.append("</").append(name).append('>');
      }
    } else {
      writeValue(sb, f, name, v);
    }
  }

  private static void writeValue(StringBuilder sb, SdkField<?> f, String name, Object v) {
    if (v == null) {
      return;
    }
    if (v instanceof SdkPojo p) {
      writeStruct(sb, name, p, null);
    } else if (v instanceof List<?> || v instanceof Map<?, ?>) {
      writeField(sb, f, name, v);
    } else {
      sb.append('<').append(name).append('>');
      escape(sb, Values.format(f, v, TimestampFormatTrait.Format.ISO_8601));
      sb.append("</").append(name).append('>');
    }
  }

  /** Appends text with XML's special characters escaped. */
  static void escape(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '\'' -> sb.append("&apos;");
        case '\r' -> sb.append("&#13;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t') {
            sb.append("&#").append((int) c).append(';');
          } else {
            sb.append(c);
          }
        }
      }
    }
  }

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    escape(sb, s);
    return sb.toString();
  }
}
