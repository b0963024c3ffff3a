package io.resoto.worker.awssim.protocol;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.XmlAttributeTrait;

/** Reads REST-XML request bodies (S3's PUT/POST documents) into SDK objects, by location names. */
final class XmlDecoder {
  private static final ThreadLocal<DocumentBuilder> BUILDERS = ThreadLocal.withInitial(() -> {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(false);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      return f.newDocumentBuilder();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  });

  private XmlDecoder() {}

  static Element parse(byte[] body) {
    try {
      DocumentBuilder b = BUILDERS.get();
      b.reset();
      return b.parse(new ByteArrayInputStream(body)).getDocumentElement();
    } catch (Exception e) {
      throw new Values.DecodeException("the body is not XML: " + e.getMessage(), e);
    }
  }

  static void decodeInto(Object builder, List<SdkField<?>> fields, Element element) {
    for (SdkField<?> f : fields) {
      if (f.location() != MarshallLocation.PAYLOAD) {
        continue;
      }
      if (f.containsTrait(XmlAttributeTrait.class)) {
        String name = f.locationName();
        if (element.hasAttribute(name)) {
          Values.set(f, builder, Values.parse(f.marshallingType(), element.getAttribute(name)));
        }
        continue;
      }
      List<Element> found = children(element, f.locationName());
      if (found.isEmpty()) {
        continue;
      }
      Values.set(f, builder, value(f, found));
    }
  }

  static Object value(SdkField<?> f, List<Element> elements) {
    MarshallingType<?> t = f.marshallingType();
    if (t == MarshallingType.SDK_POJO) {
      Object b = f.constructor().get();
      decodeInto(b, ((SdkPojo) b).sdkFields(), elements.get(0));
      return Values.build(b);
    } else if (t == MarshallingType.LIST) {
      ListTrait trait = f.getTrait(ListTrait.class);
      SdkField<?> member = trait.memberFieldInfo();
      List<Element> members = trait.isFlattened() ? elements : childElements(elements.get(0));
      List<Object> out = new ArrayList<>();
      for (Element m : members) {
        out.add(value(member, List.of(m)));
      }
      return out;
    } else if (t == MarshallingType.MAP) {
      MapTrait trait = f.getTrait(MapTrait.class);
      List<Element> entries = trait.isFlattened() ? elements : children(elements.get(0), "entry");
      Map<String, Object> out = new HashMap<>();
      for (Element e : entries) {
        List<Element> k = children(e, trait.keyLocationName());
        List<Element> v = children(e, trait.valueLocationName());
        if (!k.isEmpty()) {
          out.put(k.get(0).getTextContent(), v.isEmpty() ? null : value(trait.valueFieldInfo(), v));
        }
      }
      return out;
    }
    return Values.parse(t, elements.get(0).getTextContent());
  }

  private static List<Element> childElements(Element parent) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e) {
        out.add(e);
      }
    }
    return out;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getTagName())) {
        out.add(e);
      }
    }
    return out;
  }
}
