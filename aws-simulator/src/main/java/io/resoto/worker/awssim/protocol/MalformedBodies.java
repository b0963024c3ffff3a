package io.resoto.worker.awssim.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.cbor.databind.CBORMapper;
import io.resoto.worker.awssim.fault.MalformedKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Corrupts a real, well-formed answer (status 200) the way a {@link MalformedKind} says, per
 * protocol family: JSON (1.0/1.1 and REST-JSON), CBOR (Kinesis), XML (query, EC2, REST-XML). The
 * corruption is generic: it works on the encoded body, whatever the operation.
 */
public final class MalformedBodies {

  /** The size of the unknown member a {@link MalformedKind#HUGE} answer starts with. */
  public static final int HUGE_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR = new CBORMapper();
  private static final Pattern XML_TIMESTAMP = Pattern.compile(">\\d{4}-\\d\\d-\\d\\dT[^<]*<");
  private static final Pattern XML_NUMBER = Pattern.compile(">-?\\d+(\\.\\d+)?<");
  private static final Pattern XML_BOOLEAN = Pattern.compile(">(true|false)<");

  private MalformedBodies() {}

  /**
   * The answer corrupted; {@code draw} is a random number (where to cut).
   *
   * @param kind TRUNCATED, WRONG_TYPES or HUGE ({@link MalformedKind#CUT} is {@link
   *     ProtocolCodec#malformed})
   */
  public static Reply corrupt(MalformedKind kind, Protocol protocol, Reply reply, long draw) {
    if (reply.status() != 200) {
      return reply;
    }
    byte[] body = reply.body();
    boolean cbor = protocol == Protocol.CBOR && isCbor(reply);
    boolean json = !cbor && (protocol == Protocol.JSON || protocol == Protocol.REST_JSON
        || protocol == Protocol.CBOR);
    byte[] corrupted = switch (kind) {
      case TRUNCATED -> truncated(body, json || cbor, draw);
      case WRONG_TYPES -> cbor ? wrongTypesTree(CBOR, body) : json ? wrongTypesTree(JSON, body) : wrongTypesXml(body);
      case HUGE -> cbor ? hugeTree(CBOR, body) : json ? hugeJson(body) : hugeXml(body);
      case CUT -> throw new IllegalArgumentException("CUT answers come from ProtocolCodec.malformed");
    };
    Map<String, String> headers = new LinkedHashMap<>(reply.headers());
    headers.remove("Content-Length");
    headers.remove("content-length");
    if (json && body.length == 0 && !headers.containsKey("Content-Type")) {
      headers.put("Content-Type", "application/json");
    }
    return new Reply(reply.status(), headers, corrupted);
  }

  private static boolean isCbor(Reply reply) {
    return reply.headers().entrySet().stream()
        .anyMatch(e -> e.getKey().equalsIgnoreCase("Content-Type") && e.getValue().contains("cbor"));
  }

  /** A prefix of the body: at least one byte, at most all but one. An empty body becomes a lone opener. */
  private static byte[] truncated(byte[] body, boolean json, long draw) {
    if (body.length < 2) {
      return (json ? "{\"" : "<?xml version=\"1.0\" encoding=\"UTF-8\"?><").getBytes(StandardCharsets.UTF_8);
    }
    int cut = 1 + (int) Math.floorMod(draw, (long) body.length - 1);
    return Arrays.copyOf(body, cut);
  }

  private static byte[] wrongTypesTree(ObjectMapper mapper, byte[] body) {
    try {
      JsonNode root = body.length == 0 ? JsonNodeFactory.instance.objectNode() : mapper.readTree(body);
      if (!(root instanceof ObjectNode object)) {
        return body;
      }
      if (object.isEmpty()) {
        object.put("NextToken", 12345); // a number where a string is expected
      }
      return mapper.writeValueAsBytes(wrongTypes(object));
    } catch (IOException e) {
      return body;
    }
  }

  /** Numbers and booleans become text, lists become objects, strings inside lists become objects. */
  private static JsonNode wrongTypes(JsonNode node) {
    if (node.isNumber()) {
      return TextNode.valueOf("not-a-number");
    }
    if (node.isBoolean()) {
      return TextNode.valueOf("not-a-boolean");
    }
    if (node instanceof ArrayNode array) {
      ObjectNode object = JsonNodeFactory.instance.objectNode();
      object.set("not", TextNode.valueOf("a list"));
      object.set("items", JsonNodeFactory.instance.numberNode(array.size()));
      return object;
    }
    if (node instanceof ObjectNode object) {
      for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        // a string member (an id, a name, a timestamp in ISO form) gets a list instead
        e.setValue(value.isTextual() ? JsonNodeFactory.instance.arrayNode().add(value) : wrongTypes(value));
      }
      return object;
    }
    return node;
  }

  private static byte[] wrongTypesXml(byte[] body) {
    if (body.length == 0) {
      return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Result><Count>not-a-number</Count></Result>")
          .getBytes(StandardCharsets.UTF_8);
    }
    String xml = new String(body, StandardCharsets.UTF_8);
    xml = XML_TIMESTAMP.matcher(xml).replaceAll(">not-a-timestamp<");
    xml = XML_NUMBER.matcher(xml).replaceAll(">not-a-number<");
    xml = XML_BOOLEAN.matcher(xml).replaceAll(">not-a-boolean<");
    return xml.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hugeJson(byte[] body) {
    String text = body.length == 0 ? "{}" : new String(body, StandardCharsets.UTF_8);
    int open = text.indexOf('{');
    if (open < 0) {
      return body;
    }
    String rest = text.substring(open + 1).strip();
    StringBuilder sb = new StringBuilder(HUGE_BYTES + text.length() + 32);
    sb.append(text, 0, open + 1).append("\"ZzPadding\":\"");
    sb.append("x".repeat(HUGE_BYTES)).append('"');
    sb.append(rest.startsWith("}") ? "" : ",").append(rest);
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] hugeTree(ObjectMapper mapper, byte[] body) {
    try {
      JsonNode root = body.length == 0 ? JsonNodeFactory.instance.objectNode() : mapper.readTree(body);
      if (!(root instanceof ObjectNode object)) {
        return body;
      }
      ObjectNode padded = JsonNodeFactory.instance.objectNode();
      padded.put("ZzPadding", "x".repeat(HUGE_BYTES));
      padded.setAll(object);
      return mapper.writeValueAsBytes(padded);
    } catch (IOException e) {
      return body;
    }
  }

  /**
   * The padding goes last in the root element: in front of the other members the SDK's EC2
   * unmarshaller silently reads the answer as empty (no error, no data), which would test the
   * SDK, not the collector.
   */
  private static byte[] hugeXml(byte[] body) {
    if (body.length == 0) {
      return body;
    }
    String xml = new String(body, StandardCharsets.UTF_8);
    int end = xml.lastIndexOf("</");
    if (end < 0) {
      return body;
    }
    StringBuilder sb = new StringBuilder(HUGE_BYTES + xml.length() + 32);
    sb.append(xml, 0, end).append("<ZzPadding>").append("x".repeat(HUGE_BYTES)).append("</ZzPadding>")
        .append(xml, end, xml.length());
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }
}
