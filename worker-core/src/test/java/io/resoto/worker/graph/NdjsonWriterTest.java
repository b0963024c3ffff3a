package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NdjsonWriterTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant EXPORTED_AT = Instant.parse("2026-11-23T20:30:27.654321Z");

  private static String write(Graph g, Set<String> replace) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonWriter.write(g, out, replace, EXPORTED_AT);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<String> expectedDemoLines() throws IOException {
    try (InputStream in = NdjsonWriterTest.class.getResourceAsStream("/graph/demo.ndjson")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      return Arrays.asList(text.split("\n"));
    }
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** Jackson's tree equality ignores key order, so compare the order of every object as well. */
  private static void assertSameKeyOrder(JsonNode actual, JsonNode expected, String path) {
    if (expected.isObject()) {
      assertThat(fieldNames(actual)).as("key order at %s", path).isEqualTo(fieldNames(expected));
      Iterator<String> it = expected.fieldNames();
      while (it.hasNext()) {
        String name = it.next();
        assertSameKeyOrder(actual.get(name), expected.get(name), path + "." + name);
      }
    }
  }

  @Test
  void writesTheDemoGraphLikeTheOriginal() throws IOException {
    DemoGraph d = new DemoGraph();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long lines = NdjsonWriter.write(d.graph, out, Set.of(d.account.id()), EXPORTED_AT);
    String text = out.toString(StandardCharsets.UTF_8);

    List<String> expected = expectedDemoLines();
    assertThat(lines).isEqualTo(13);
    assertThat(text).endsWith("\n");
    List<String> actual = Arrays.asList(text.split("\n"));
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      JsonNode a = MAPPER.readTree(actual.get(i));
      JsonNode e = MAPPER.readTree(expected.get(i));
      assertThat(a).as("line %d", i + 1).isEqualTo(e);
      assertSameKeyOrder(a, e, "line " + (i + 1));
    }
    // Compact output: byte-identical to the compact form of the original lines.
    assertThat(actual).containsExactlyElementsOf(expected);
  }

  @Test
  void reportedKeyOrderIsIdTagsNameTimesPropertiesKind() throws IOException {
    Graph g = new Graph();
    g.add(Node.builder("k", "r").name("n")
        .atime(Instant.parse("2024-03-01T00:00:00Z"))
        .mtime(Instant.parse("2024-02-01T00:00:00Z"))
        .ctime(Instant.parse("2024-01-01T00:00:00Z"))
        .property("zeta", 1).property("alpha", 2).build());
    JsonNode reported = MAPPER.readTree(write(g, Set.of())).get("reported");
    assertThat(fieldNames(reported))
        .containsExactly("id", "tags", "name", "ctime", "mtime", "atime", "zeta", "alpha", "kind");
  }

  @Test
  void stripsNullsAtEveryLevelAndFormatsValues() throws IOException {
    Map<String, Object> nested = new LinkedHashMap<>();
    nested.put("keep", "x");
    nested.put("drop", null);
    Map<String, Object> inList = new LinkedHashMap<>();
    inList.put("a", null);
    inList.put("b", Duration.ofSeconds(90));
    Graph g = new Graph();
    g.add(Node.builder("k", "r")
        .tag("t", null).tag("u", "v")
        .property("gone", null)
        .property("nested", nested)
        .property("list", List.of(inList, "s"))
        .property("when", Instant.parse("2024-05-06T07:08:09.999Z"))
        .property("long", Duration.ofDays(1).plusHours(2).plusMinutes(3).plusSeconds(4))
        .property("zero", Duration.ZERO)
        .property("enum", EdgeType.IAM)
        .property("big", 12345678901L)
        .property("ratio", 0.5f)
        .categories("a", "b")
        .build());
    JsonNode line = MAPPER.readTree(write(g, Set.of()));
    JsonNode reported = line.get("reported");
    assertThat(reported.get("tags").toString()).isEqualTo("{\"u\":\"v\"}");
    assertThat(reported.has("gone")).isFalse();
    assertThat(reported.get("nested").toString()).isEqualTo("{\"keep\":\"x\"}");
    assertThat(reported.get("list").toString()).isEqualTo("[{\"b\":\"1m30s\"},\"s\"]");
    assertThat(reported.get("when").asText()).isEqualTo("2024-05-06T07:08:09Z");
    assertThat(reported.get("long").asText()).isEqualTo("1d2h3m4s");
    assertThat(reported.get("zero").asText()).isEqualTo("0s");
    assertThat(reported.get("enum").asText()).isEqualTo("IAM");
    assertThat(reported.get("big").isIntegralNumber()).isTrue();
    assertThat(reported.get("big").asLong()).isEqualTo(12345678901L);
    assertThat(reported.get("ratio").asDouble()).isEqualTo(0.5);
    JsonNode metadata = line.get("metadata");
    assertThat(metadata.toString()).isEqualTo("{\"categories\":[\"a\",\"b\"]}");
  }

  @Test
  void propertiesCannotShadowFixedFields() throws IOException {
    Graph g = new Graph();
    g.add(Node.builder("k", "r").property("kind", "evil").property("id", "x").build());
    String line = write(g, Set.of());
    JsonNode reported = MAPPER.readTree(line).get("reported");
    assertThat(reported.get("kind").asText()).isEqualTo("k");
    assertThat(reported.get("id").asText()).isEqualTo("r");
    assertThat(fieldNames(reported)).containsExactly("id", "tags", "name", "kind");
  }

  @Test
  void usageIsItsOwnSectionAfterMetadataAndOnlyWhenMeasured() throws IOException {
    Graph g = new Graph();
    Node measured = Node.builder("k", "a").categories("compute")
        .usage(Map.of("network_in_bytes", Map.of("max", 1.6, "avg", 1.2, "min", 0.8)))
        .usage("volume_read_iops", "p99", 3.0).usage("volume_read_iops", "avg", 2.0)
        .build();
    g.add(measured);
    g.add(Node.builder("k", "b").build());
    String[] lines = write(g, Set.of()).split("\n");
    assertThat(lines[0]).isEqualTo("{\"id\":\"" + measured.id() + "\",\"reported\":{\"id\":\"a\",\"tags\":{},"
        + "\"name\":\"a\",\"kind\":\"k\"},\"metadata\":{\"categories\":[\"compute\"]},\"usage\":{"
        + "\"network_in_bytes\":{\"min\":0.8,\"avg\":1.2,\"max\":1.6},"
        + "\"volume_read_iops\":{\"avg\":2.0,\"p99\":3.0}}}");
    assertThat(MAPPER.readTree(lines[1]).has("usage")).isFalse();
  }

  @Test
  void assessmentsAreInMetadataAfterCategoriesWithNullsLeftOutAndOnlyWhenThere() throws IOException {
    Graph g = new Graph();
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("compliance_type", "Patch");
    details.put("classification", null);
    Node assessed = Node.builder("k", "a").categories("compute").typeName("t")
        .assessment(new Assessment("ssm", List.of(
            new Assessment.Finding("KB5031364", "critical", null, null, Instant.parse("2026-11-23T02:00:00Z"), details),
            new Assessment.Finding("KB1", "info", "a description", "patch it", null, Map.of()))))
        .usage("cpu_utilization_percent", "max", 5.0)
        .build();
    Node plain = Node.builder("k", "b").categories("compute").typeName("t").build();
    g.add(assessed);
    g.add(plain);
    String[] lines = write(g, Set.of(assessed.id())).split("\n");
    assertThat(lines[0]).isEqualTo("{\"id\":\"" + assessed.id() + "\",\"reported\":{\"id\":\"a\",\"tags\":{},"
        + "\"name\":\"a\",\"kind\":\"k\"},\"metadata\":{\"python_type\":\"t\",\"categories\":[\"compute\"],"
        + "\"assessments\":[{\"provider\":\"ssm\",\"findings\":["
        + "{\"title\":\"KB5031364\",\"severity\":\"critical\",\"updated_at\":\"2026-11-23T02:00:00Z\","
        + "\"details\":{\"compliance_type\":\"Patch\"}},"
        + "{\"title\":\"KB1\",\"severity\":\"info\",\"description\":\"a description\",\"remediation\":\"patch it\"}"
        + "]}],\"replace\":true,\"exported_at\":\"2026-11-23T20:30:27Z\"},"
        + "\"usage\":{\"cpu_utilization_percent\":{\"max\":5.0}}}");
    // a node without assessments is written exactly as before
    assertThat(lines[1]).isEqualTo("{\"id\":\"" + plain.id() + "\",\"reported\":{\"id\":\"b\",\"tags\":{},"
        + "\"name\":\"b\",\"kind\":\"k\"},\"metadata\":{\"python_type\":\"t\",\"categories\":[\"compute\"]}}");
    assertThat(assessed.id()).as("assessments are not part of the id")
        .isEqualTo(Node.builder("k", "a").categories("compute").typeName("t").build().id());
  }

  @Test
  void edgeLinesCarryTypeAndReportedOnlyWhenNeeded() throws IOException {
    Graph g = new Graph();
    Map<String, Object> reported = new LinkedHashMap<>();
    reported.put("policy", "p1");
    reported.put("none", null);
    g.addEdge("a", "b", EdgeType.DEFAULT, null);
    g.addEdge("a", "b", EdgeType.IAM, reported);
    assertThat(write(g, Set.of()))
        .isEqualTo("{\"from\":\"a\",\"to\":\"b\"}\n"
            + "{\"from\":\"a\",\"to\":\"b\",\"edge_type\":\"iam\",\"reported\":{\"policy\":\"p1\"}}\n");
  }

  @Test
  void deferredEdgesComeLastWithTheirSelectors() throws IOException {
    Graph g = new Graph();
    Node ou = g.add(Node.builder("aws_organizational_unit", "ou-1").build());
    g.addDeferredEdge(new DeferredEdge(DeferredEdge.Selector.node(ou.id()),
        DeferredEdge.Selector.kindAndId("aws_account", "222222222222"), EdgeType.DEFAULT));
    g.addDeferredEdge(new DeferredEdge(DeferredEdge.Selector.node(ou.id()),
        DeferredEdge.Selector.kindAndId("aws_account", "222222222222"), EdgeType.DEFAULT));
    g.addEdge(ou.id(), ou.id(), EdgeType.DELETE, null);
    String[] lines = write(g, Set.of()).split("\n");
    assertThat(lines).hasSize(3);
    assertThat(lines[1]).startsWith("{\"from\":");
    assertThat(lines[2]).isEqualTo("{\"from_selector\":{\"node_id\":\"" + ou.id() + "\"},"
        + "\"to_selector\":{\"search_criteria\":\"is(aws_account) and reported.id == \\\"222222222222\\\"\"},"
        + "\"edge_type\":\"default\"}");
  }

  @Test
  void flushesButDoesNotCloseTheStream() throws IOException {
    TrackingStream out = new TrackingStream();
    NdjsonWriter.write(new DemoGraph().graph, out, Set.of(), EXPORTED_AT);
    assertThat(out.closed).isFalse();
    assertThat(out.flushes).isPositive();
    assertThat(out.bytes).isPositive();
  }

  @Test
  void streamsALargeGraphWithoutBuildingTheBody() throws IOException {
    int n = 200_000;
    Graph g = new Graph();
    Node root = g.add(Node.builder("graph_root", "root").build());
    for (int i = 0; i < n - 1; i++) {
      Node child = g.add(Node.builder("example_instance", "i-" + i)
          .cloud("example").account("acc").region("r1")
          .property("instance_cores", 2.0).build());
      g.addEdge(root, child);
    }
    TrackingStream out = new TrackingStream();
    long lines = NdjsonWriter.write(g, out, Set.of(root.id()), EXPORTED_AT);
    assertThat(lines).isEqualTo(2L * n - 1);
    assertThat(out.newlines).isEqualTo(2L * n - 1);
    // The generator hands over bounded chunks as it goes rather than one body at the end.
    assertThat(out.writes).isGreaterThan(1_000);
    assertThat(out.largestWrite).isLessThan(1 << 16);
  }

  /** Counts what passes through without keeping it. */
  private static final class TrackingStream extends FilterOutputStream {
    long bytes;
    long newlines;
    long writes;
    int largestWrite;
    int flushes;
    boolean closed;

    TrackingStream() {
      super(OutputStream.nullOutputStream());
    }

    @Override
    public void write(int b) {
      writes++;
      bytes++;
      largestWrite = Math.max(largestWrite, 1);
      if (b == '\n') {
        newlines++;
      }
    }

    @Override
    public void write(byte[] b, int off, int len) {
      writes++;
      bytes += len;
      largestWrite = Math.max(largestWrite, len);
      for (int i = off; i < off + len; i++) {
        if (b[i] == '\n') {
          newlines++;
        }
      }
    }

    @Override
    public void flush() {
      flushes++;
    }

    @Override
    public void close() {
      closed = true;
    }
  }
}
