package io.resoto.worker.awssim.protocol;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Base64;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;
import software.amazon.awssdk.utils.builder.Buildable;

/** Conversions between scalar field values and their text on the wire. */
final class Values {
  private Values() {}

  static boolean isScalar(MarshallingType<?> t) {
    return t != MarshallingType.SDK_POJO && t != MarshallingType.LIST && t != MarshallingType.MAP
        && t != MarshallingType.DOCUMENT;
  }

  /** Parses the text of a scalar of type {@code t}. */
  static Object parse(MarshallingType<?> t, String s) {
    if (s == null) {
      return null;
    }
    try {
      if (t == MarshallingType.STRING) {
        return s;
      } else if (t == MarshallingType.INTEGER) {
        return Integer.valueOf(s.trim());
      } else if (t == MarshallingType.LONG) {
        return Long.valueOf(s.trim());
      } else if (t == MarshallingType.SHORT) {
        return Short.valueOf(s.trim());
      } else if (t == MarshallingType.BYTE) {
        return Byte.valueOf(s.trim());
      } else if (t == MarshallingType.FLOAT) {
        return Float.valueOf(s.trim());
      } else if (t == MarshallingType.DOUBLE) {
        return Double.valueOf(s.trim());
      } else if (t == MarshallingType.BIG_DECIMAL) {
        return new BigDecimal(s.trim());
      } else if (t == MarshallingType.BOOLEAN) {
        return Boolean.valueOf(s.trim());
      } else if (t == MarshallingType.INSTANT) {
        return Codecs.parseInstant(s);
      } else if (t == MarshallingType.SDK_BYTES) {
        return SdkBytes.fromByteArrayUnsafe(Base64.getDecoder().decode(s.trim()));
      }
    } catch (RuntimeException e) {
      throw new DecodeException("cannot read '" + s + "' as " + t, e);
    }
    throw new DecodeException("unsupported scalar type " + t);
  }

  /** The text of a scalar; instants in the field's format or {@code defaultFormat}. */
  static String format(SdkField<?> field, Object value, TimestampFormatTrait.Format defaultFormat) {
    if (value instanceof Instant t) {
      return Codecs.formatInstant(t, timestampFormat(field, defaultFormat));
    } else if (value instanceof SdkBytes b) {
      return Base64.getEncoder().encodeToString(b.asByteArrayUnsafe());
    } else if (value instanceof BigDecimal d) {
      return d.toPlainString();
    }
    return String.valueOf(value);
  }

  static TimestampFormatTrait.Format timestampFormat(SdkField<?> field, TimestampFormatTrait.Format dflt) {
    TimestampFormatTrait trait = field == null ? null : field.getTrait(TimestampFormatTrait.class);
    return trait != null ? trait.format() : dflt;
  }

  @SuppressWarnings("unchecked")
  static void set(SdkField<?> field, Object builder, Object value) {
    ((SdkField<Object>) field).set(builder, value);
  }

  static Object build(Object builder) {
    return ((Buildable) builder).build();
  }

  /** Thrown when a request cannot be decoded; answered as a client error. */
  static final class DecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    DecodeException(String message) {
      super(message);
    }

    DecodeException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
