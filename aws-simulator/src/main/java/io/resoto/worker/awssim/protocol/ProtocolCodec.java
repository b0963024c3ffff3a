package io.resoto.worker.awssim.protocol;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.protocol.MarshallLocation;
import software.amazon.awssdk.core.protocol.MarshallingType;
import software.amazon.awssdk.core.traits.JsonValueTrait;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.core.traits.TimestampFormatTrait;

/**
 * Decodes requests into SDK request objects and encodes SDK response objects, per protocol,
 * driven only by the SDK's field metadata: one generic decoder and encoder per protocol.
 */
public final class ProtocolCodec {
  private static final String XML_DECL = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
  /** REST-XML operations whose string payload is the document itself: S3 returns a bucket policy as is. */
  private static final Set<String> RAW_XML_STRING_PAYLOADS = Set.of("GetBucketPolicy");

  /** The content type of the CBOR protocol's requests and answers. */
  public static final String CBOR_CONTENT_TYPE = "application/x-amz-cbor-1.1";

  private ProtocolCodec() {}

  /** Whether the request's body is CBOR (the CBOR protocol's clients may also send JSON). */
  public static boolean isCbor(HttpRequest req) {
    String ct = req.header("content-type");
    return ct != null && ct.startsWith("application/x-amz-cbor");
  }

  /**
   * Decodes a request.
   *
   * @param labels the path labels of a REST request's URI template, else empty
   * @throws IllegalArgumentException when the request cannot be read
   */
  public static SdkRequest decode(OperationModel op, HttpRequest req, Map<String, String> labels) {
    try {
      Object builder = op.newRequestBuilder();
      switch (op.protocol()) {
        case QUERY, EC2 -> {
          Map<String, List<String>> params = new LinkedHashMap<>(Codecs.parseQuery(req.rawQuery(), true));
          params.putAll(Codecs.parseQuery(new String(req.body(), StandardCharsets.UTF_8), true));
          new FormDecoder(params).decodeInto(builder, op.requestFields(), "");
        }
        case JSON -> JsonCodec.decodeInto(builder, op.requestFields(), JsonCodec.parse(req.body()));
        case CBOR -> {
          boolean cbor = isCbor(req);
          JsonCodec.decodeInto(builder, op.requestFields(), JsonCodec.parse(req.body(), cbor), cbor);
        }
        case REST_JSON, REST_XML -> decodeRest(op, req, labels, builder);
        default -> throw new IllegalStateException();
      }
      return (SdkRequest) Values.build(builder);
    } catch (Values.DecodeException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  private static void decodeRest(OperationModel op, HttpRequest req, Map<String, String> labels, Object builder) {
    Map<String, List<String>> query = Codecs.parseQuery(req.rawQuery(), false);
    Set<String> bound = new java.util.HashSet<>(op.template().fixedQueryNames());
    SdkField<?> queryMap = null;
    boolean payload = false;
    for (SdkField<?> f : op.requestFields()) {
      MarshallingType<?> t = f.marshallingType();
      switch (f.location()) {
        case PATH, GREEDY_PATH -> {
          String v = labels.get(f.locationName());
          if (v != null) {
            Values.set(f, builder, Values.parse(t, v));
          }
        }
        case QUERY_PARAM -> {
          if (t == MarshallingType.MAP) {
            queryMap = f;
            continue;
          }
          bound.add(f.locationName());
          List<String> values = query.get(f.locationName());
          if (values == null) {
            continue;
          }
          if (t == MarshallingType.LIST) {
            SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
            List<Object> list = new ArrayList<>();
            for (String v : values) {
              list.add(Values.parse(member.marshallingType(), v));
            }
            Values.set(f, builder, list);
          } else {
            Values.set(f, builder, Values.parse(t, values.get(0)));
          }
        }
        case HEADER -> decodeHeader(f, req, builder);
        case PAYLOAD -> payload = true;
        default -> { }
      }
    }
    if (queryMap != null) {
      SdkField<?> valueField = queryMap.getTrait(MapTrait.class).valueFieldInfo();
      Map<String, Object> map = new HashMap<>();
      query.forEach((k, v) -> {
        if (!bound.contains(k)) {
          map.put(k, valueField.marshallingType() == MarshallingType.LIST ? new ArrayList<>(v) : v.get(0));
        }
      });
      if (!map.isEmpty()) {
        Values.set(queryMap, builder, map);
      }
    }
    if (!payload || req.body().length == 0) {
      return;
    }
    boolean json = op.protocol() == Protocol.REST_JSON;
    SdkField<?> member = op.requestPayloadMember();
    if (member == null) {
      if (json) {
        JsonCodec.decodeInto(builder, op.requestFields(), JsonCodec.parse(req.body()));
      } else {
        XmlDecoder.decodeInto(builder, op.requestFields(), XmlDecoder.parse(req.body()));
      }
    } else if (member.marshallingType() == MarshallingType.SDK_BYTES) {
      Values.set(member, builder, SdkBytes.fromByteArray(req.body()));
    } else if (member.marshallingType() == MarshallingType.STRING) {
      Values.set(member, builder, new String(req.body(), StandardCharsets.UTF_8));
    } else if (json) {
      Values.set(member, builder, JsonCodec.value(member, JsonCodec.parse(req.body())));
    } else {
      Values.set(member, builder, XmlDecoder.value(member, List.of(XmlDecoder.parse(req.body()))));
    }
  }

  private static void decodeHeader(SdkField<?> f, HttpRequest req, Object builder) {
    MarshallingType<?> t = f.marshallingType();
    String name = f.locationName().toLowerCase(Locale.ROOT);
    if (t == MarshallingType.MAP) {
      Map<String, String> map = new HashMap<>();
      req.headers().forEach((k, v) -> {
        if (k.startsWith(name) && !v.isEmpty()) {
          map.put(k.substring(name.length()), v.get(0));
        }
      });
      if (!map.isEmpty()) {
        Values.set(f, builder, map);
      }
      return;
    }
    String v = req.header(name);
    if (v == null) {
      return;
    }
    if (f.containsTrait(JsonValueTrait.class)) {
      v = new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8);
    }
    if (t == MarshallingType.LIST) {
      SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
      List<Object> list = new ArrayList<>();
      for (String part : v.split(",")) {
        list.add(Values.parse(member.marshallingType(), part.trim()));
      }
      Values.set(f, builder, list);
    } else {
      Values.set(f, builder, Values.parse(t, v));
    }
  }

  /**
   * Encodes a successful answer.
   *
   * @param req the request, whose JSON content type a JSON answer repeats
   */
  public static Reply encode(OperationModel op, SdkResponse response, String requestId, HttpRequest req) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amz-request-id", requestId);
    int status = 200;
    byte[] body;
    List<SdkField<?>> fields = op.responseFields();
    switch (op.protocol()) {
      case QUERY -> {
        StringBuilder sb = new StringBuilder(512).append(XML_DECL);
        sb.append('<').append(op.name()).append("Response xmlns=\"").append(op.xmlNamespace()).append("\">");
        sb.append('<').append(op.name()).append("Result>");
        XmlEncoder.writeFields(sb, response, fields);
        sb.append("</").append(op.name()).append("Result>");
        sb.append("<ResponseMetadata><RequestId>").append(requestId).append("</RequestId></ResponseMetadata>");
        sb.append("</").append(op.name()).append("Response>");
        body = sb.toString().getBytes(StandardCharsets.UTF_8);
        headers.put("Content-Type", "text/xml");
      }
      case EC2 -> {
        StringBuilder sb = new StringBuilder(512).append(XML_DECL);
        sb.append('<').append(op.name()).append("Response xmlns=\"").append(op.xmlNamespace()).append("\">");
        sb.append("<requestId>").append(requestId).append("</requestId>");
        XmlEncoder.writeFields(sb, response, fields);
        sb.append("</").append(op.name()).append("Response>");
        body = sb.toString().getBytes(StandardCharsets.UTF_8);
        headers.put("Content-Type", "text/xml;charset=UTF-8");
      }
      case JSON -> {
        body = JsonCodec.encode(response, fields);
        String ct = req.header("content-type");
        headers.put("Content-Type", ct != null && ct.startsWith("application/x-amz-json") ? ct
            : "application/x-amz-json-1.1");
      }
      case CBOR -> {
        boolean cbor = isCbor(req);
        body = JsonCodec.encode(response, fields, cbor);
        headers.put("Content-Type", cbor ? CBOR_CONTENT_TYPE : "application/x-amz-json-1.1");
      }
      case REST_JSON, REST_XML -> {
        status = encodeHeaders(response, fields, headers, 200);
        body = restBody(op, response, headers);
      }
      default -> throw new IllegalStateException();
    }
    return new Reply(status, headers, body);
  }

  private static int encodeHeaders(SdkResponse response, List<SdkField<?>> fields, Map<String, String> headers,
      int status) {
    for (SdkField<?> f : fields) {
      if (f.location() == MarshallLocation.STATUS_CODE) {
        Object v = f.getValueOrDefault(response);
        if (v instanceof Integer code) {
          status = code;
        }
        continue;
      }
      if (f.location() != MarshallLocation.HEADER) {
        continue;
      }
      Object v = f.getValueOrDefault(response);
      if (JsonCodec.absent(v)) {
        continue;
      }
      if (v instanceof Map<?, ?> map) {
        map.forEach((k, val) -> headers.put(f.locationName() + k, String.valueOf(val)));
      } else if (v instanceof List<?> list) {
        SdkField<?> member = f.getTrait(ListTrait.class).memberFieldInfo();
        StringBuilder sb = new StringBuilder();
        for (Object e : list) {
          if (sb.length() > 0) {
            sb.append(',');
          }
          sb.append(Values.format(member, e, TimestampFormatTrait.Format.RFC_822));
        }
        headers.put(f.locationName(), sb.toString());
      } else {
        String text = Values.format(f, v, TimestampFormatTrait.Format.RFC_822);
        if (f.containsTrait(JsonValueTrait.class)) {
          text = Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
        }
        headers.put(f.locationName(), text);
      }
    }
    return status;
  }

  private static byte[] restBody(OperationModel op, SdkResponse response, Map<String, String> headers) {
    boolean json = op.protocol() == Protocol.REST_JSON;
    SdkField<?> member = op.responsePayloadMember();
    if (member != null) {
      Object v = member.getValueOrDefault(response);
      if (v == null) {
        return new byte[0];
      } else if (v instanceof SdkBytes b) {
        headers.putIfAbsent("Content-Type", "application/octet-stream");
        return b.asByteArray();
      } else if (v instanceof String s) {
        if (json || RAW_XML_STRING_PAYLOADS.contains(op.className())) {
          headers.putIfAbsent("Content-Type", json ? "application/json" : "text/plain");
          return s.getBytes(StandardCharsets.UTF_8);
        }
        // S3 answers other string payloads (GetBucketLocation) as one XML element, which the SDK parses.
        headers.put("Content-Type", "application/xml");
        String name = member.unmarshallLocationName();
        return (XML_DECL + "<" + name + " xmlns=\"" + op.xmlNamespace() + "\">" + XmlEncoder.escape(s) + "</" + name
            + ">").getBytes(StandardCharsets.UTF_8);
      } else if (json) {
        headers.put("Content-Type", "application/json");
        SdkPojo p = (SdkPojo) v;
        return JsonCodec.encode(p, p.sdkFields());
      } else {
        headers.put("Content-Type", "application/xml");
        StringBuilder sb = new StringBuilder(512).append(XML_DECL);
        XmlEncoder.writeStruct(sb, member.unmarshallLocationName(), (SdkPojo) v, op.xmlNamespace());
        return sb.toString().getBytes(StandardCharsets.UTF_8);
      }
    }
    boolean hasPayload = false;
    for (SdkField<?> f : op.responseFields()) {
      hasPayload |= f.location() == MarshallLocation.PAYLOAD;
    }
    if (json) {
      headers.put("Content-Type", "application/json");
      return JsonCodec.encode(response, op.responseFields());
    }
    if (!hasPayload) {
      return new byte[0];
    }
    headers.put("Content-Type", "application/xml");
    StringBuilder sb = new StringBuilder(512).append(XML_DECL);
    sb.append('<').append(op.name()).append("Result xmlns=\"").append(op.xmlNamespace()).append("\">");
    XmlEncoder.writeFields(sb, response, op.responseFields());
    sb.append("</").append(op.name()).append("Result>");
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** A 200 answer whose body the SDK cannot parse: cut short in the protocol's own format. */
  public static Reply malformed(Protocol protocol, String operation, String requestId) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("x-amzn-RequestId", requestId);
    headers.put("x-amz-request-id", requestId);
    String body;
    if (protocol == Protocol.CBOR) {
      headers.put("Content-Type", CBOR_CONTENT_TYPE);
      // a map of one entry whose value never comes: the CBOR parser fails at the end of input
      return new Reply(200, headers, new byte[] {(byte) 0xa1, 0x61, 'x'});
    } else if (protocol == Protocol.JSON || protocol == Protocol.REST_JSON) {
      headers.put("Content-Type", "application/json");
      body = "{\"" + operation + "\":[{\"x\":";
    } else {
      headers.put("Content-Type", "text/xml");
      body = XML_DECL + "<" + operation + "Response><" + operation + "Result><Items><member>&bogus;<";
    }
    return new Reply(200, headers, body.getBytes(StandardCharsets.UTF_8));
  }
}
