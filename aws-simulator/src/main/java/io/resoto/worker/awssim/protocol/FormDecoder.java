package io.resoto.worker.awssim.protocol;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;

/**
 * Decodes the form parameters of query and EC2 requests ({@code Filter.1.Name}, {@code
 * Names.member.1}, {@code Tags.entry.1.key}) into SDK objects. It accepts every list and map
 * spelling the SDK's query and EC2 marshallers produce, so one decoder serves both protocols.
 */
final class FormDecoder {
  private final NavigableMap<String, String> params;

  FormDecoder(Map<String, List<String>> raw) {
    this.params = new TreeMap<>();
    raw.forEach((k, v) -> params.put(k, v.get(0)));
  }

  void decodeInto(Object builder, List<SdkField<?>> fields, String prefix) {
    for (SdkField<?> f : fields) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      Object v = value(f, path(prefix, f.locationName()));
      if (v != null) {
        Values.set(f, builder, v);
      }
    }
  }

  private static String path(String prefix, String name) {
    return prefix.isEmpty() ? name : prefix + "." + name;
  }

  private boolean hasPrefix(String p) {
    String dotted = p + ".";
    String k = params.ceilingKey(dotted);
    return k != null && k.startsWith(dotted);
  }

  private boolean present(SdkField<?> f, String path) {
    return Values.isScalar(f.marshallingType()) ? params.containsKey(path) : hasPrefix(path);
  }

  private Object value(SdkField<?> f, String path) {
    MarshallingType<?> t = f.marshallingType();
    if (Values.isScalar(t)) {
      return Values.parse(t, params.get(path));
    } else if (t == MarshallingType.SDK_POJO) {
      if (!hasPrefix(path)) {
        return null;
      }
      Object b = f.constructor().get();
      decodeInto(b, ((SdkPojo) b).sdkFields(), path);
      return Values.build(b);
    } else if (t == MarshallingType.LIST) {
      return list(f, path);
    } else if (t == MarshallingType.MAP) {
      return map(f, path);
    }
    throw new Values.DecodeException("unsupported type " + t + " in a query request");
  }

  private List<Object> list(SdkField<?> f, String path) {
    ListTrait trait = f.getTrait(ListTrait.class);
    SdkField<?> member = trait.memberFieldInfo();
    List<String> bases = new ArrayList<>(4);
    bases.add(path + ".member");
    if (trait.memberLocationName() != null) {
      bases.add(path + "." + trait.memberLocationName());
      int dot = path.lastIndexOf('.');
      bases.add(dot < 0 ? trait.memberLocationName() : path.substring(0, dot + 1) + trait.memberLocationName());
    }
    bases.add(path);
    for (String base : bases) {
      if (present(member, base + ".1")) {
        List<Object> out = new ArrayList<>();
        for (int i = 1; present(member, base + "." + i); i++) {
          out.add(value(member, base + "." + i));
        }
        return out;
      }
    }
    // the query marshaller sends an empty list as "Name="
    return params.containsKey(path) && params.get(path).isEmpty() ? new ArrayList<>() : null;
  }

  private Map<String, Object> map(SdkField<?> f, String path) {
    MapTrait trait = f.getTrait(MapTrait.class);
    String key = trait.keyLocationName() == null ? "key" : trait.keyLocationName();
    String val = trait.valueLocationName() == null ? "value" : trait.valueLocationName();
    SdkField<?> valueField = trait.valueFieldInfo();
    for (String base : new String[] {path + ".entry", path}) {
      if (params.containsKey(base + ".1." + key)) {
        Map<String, Object> out = new HashMap<>();
        for (int i = 1; params.containsKey(base + "." + i + "." + key); i++) {
          out.put(params.get(base + "." + i + "." + key), value(valueField, base + "." + i + "." + val));
        }
        return out;
      }
    }
    return params.containsKey(path) && params.get(path).isEmpty() ? new HashMap<>() : null;
  }
}
