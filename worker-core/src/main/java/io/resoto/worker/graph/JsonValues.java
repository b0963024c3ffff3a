package io.resoto.worker.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Map;

/** Writes property values the way the Python worker serialises them for the core. */
final class JsonValues {

  private static final DateTimeFormatter TIMESTAMP =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);

  private JsonValues() {}

  /** UTC, seconds precision, trailing Z: the only datetime format the core's model accepts. */
  static String timestamp(Instant instant) {
    return TIMESTAMP.format(instant.truncatedTo(ChronoUnit.SECONDS));
  }

  /** Compact duration such as {@code 1d2h3m4s}, seconds precision; {@code 0s} for zero. */
  static String duration(Duration duration) {
    long total = duration.getSeconds();
    if (total == 0) {
      return "0s";
    }
    StringBuilder sb = new StringBuilder();
    if (total < 0) {
      sb.append('-');
      total = -total;
    }
    long days = total / 86_400;
    long hours = total % 86_400 / 3_600;
    long minutes = total % 3_600 / 60;
    long seconds = total % 60;
    appendUnit(sb, days, 'd');
    appendUnit(sb, hours, 'h');
    appendUnit(sb, minutes, 'm');
    appendUnit(sb, seconds, 's');
    return sb.toString();
  }

  private static void appendUnit(StringBuilder sb, long value, char unit) {
    if (value != 0) {
      sb.append(value).append(unit);
    }
  }

  /** Writes a map as an object, dropping entries whose value is null at every nesting level. */
  static void writeObject(JsonGenerator gen, Map<?, ?> map) throws IOException {
    gen.writeStartObject();
    writeFields(gen, map);
    gen.writeEndObject();
  }

  /** Writes the non-null entries of a map as fields of the object currently open. */
  static void writeFields(JsonGenerator gen, Map<?, ?> map) throws IOException {
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (e.getValue() != null && e.getKey() != null) {
        gen.writeFieldName(e.getKey().toString());
        writeValue(gen, e.getValue());
      }
    }
  }

  /** Writes one value; null is written as JSON null (only list elements get here with null). */
  static void writeValue(JsonGenerator gen, Object value) throws IOException {
    if (value == null) {
      gen.writeNull();
    } else if (value instanceof String s) {
      gen.writeString(s);
    } else if (value instanceof Boolean b) {
      gen.writeBoolean(b);
    } else if (value instanceof Number n) {
      writeNumber(gen, n);
    } else if (value instanceof Instant i) {
      gen.writeString(timestamp(i));
    } else if (value instanceof ZonedDateTime z) {
      gen.writeString(timestamp(z.toInstant()));
    } else if (value instanceof OffsetDateTime o) {
      gen.writeString(timestamp(o.toInstant()));
    } else if (value instanceof Duration d) {
      gen.writeString(duration(d));
    } else if (value instanceof Enum<?> en) {
      gen.writeString(en.toString());
    } else if (value instanceof Map<?, ?> m) {
      writeObject(gen, m);
    } else if (value instanceof Collection<?> c) {
      gen.writeStartArray();
      for (Object o : c) {
        writeValue(gen, o);
      }
      gen.writeEndArray();
    } else if (value instanceof Object[] arr) {
      gen.writeStartArray();
      for (Object o : arr) {
        writeValue(gen, o);
      }
      gen.writeEndArray();
    } else {
      gen.writeString(value.toString());
    }
  }

  private static void writeNumber(JsonGenerator gen, Number n) throws IOException {
    if (n instanceof Double d) {
      gen.writeNumber(d);
    } else if (n instanceof Float f) {
      gen.writeNumber(f);
    } else if (n instanceof BigDecimal bd) {
      gen.writeNumber(bd);
    } else if (n instanceof BigInteger bi) {
      gen.writeNumber(bi);
    } else {
      gen.writeNumber(n.longValue());
    }
  }
}
