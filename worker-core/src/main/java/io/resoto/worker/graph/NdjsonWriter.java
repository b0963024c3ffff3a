package io.resoto.worker.graph;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a {@link Graph} in the NDJSON format of the core's merge endpoint: one line per node
 * ({@code id}, {@code reported}, {@code metadata} and, when measured, {@code usage}), then one line
 * per edge, then one line per deferred edge. Writes straight to the stream so a graph of a million
 * nodes never exists as one string.
 */
public final class NdjsonWriter {

  private static final JsonFactory FACTORY =
      JsonFactory.builder()
          .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
          .disable(StreamWriteFeature.AUTO_CLOSE_CONTENT)
          .build();

  private NdjsonWriter() {}

  /**
   * Streams the graph: every node line, then every edge line, then every deferred edge; never builds the whole body as one
   * String. Flushes but does not close out. Returns the number of lines written.
   *
   * @param replaceNodeIds ids of nodes marked {@code replace: true} (the subgraph roots the core
   *     replaces as a whole); may be empty
   * @param exportedAt time written as {@code exported_at} on those nodes
   */
  public static long write(
      Graph graph, OutputStream out, Set<String> replaceNodeIds, Instant exportedAt)
      throws IOException {
    return write(graph, out, replaceNodeIds, exportedAt, List.of(), List.of());
  }

  /**
   * As {@link #write(Graph, OutputStream, Set, Instant)}, with lines written elsewhere (node lines
   * and edge lines of data carried forward from an earlier run) after the graph's own node lines
   * and edge lines. Each extra line is one JSON object without a line break.
   */
  public static long write(
      Graph graph, OutputStream out, Set<String> replaceNodeIds, Instant exportedAt,
      List<String> extraNodeLines, List<String> extraEdgeLines)
      throws IOException {
    Set<String> replace = replaceNodeIds == null ? Set.of() : replaceNodeIds;
    String exported = exportedAt == null ? null : JsonValues.timestamp(exportedAt);
    long lines = 0;
    try (JsonGenerator gen = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
      // Without a separator Jackson would put a space between root values; we want newlines only.
      gen.setRootValueSeparator(null);
      for (Node node : graph.nodes()) {
        writeNode(gen, node, replace.contains(node.id()), exported);
        gen.writeRaw('\n');
        lines++;
      }
      lines += writeRawLines(gen, extraNodeLines);
      for (Edge edge : graph.edges()) {
        writeEdge(gen, edge);
        gen.writeRaw('\n');
        lines++;
      }
      lines += writeRawLines(gen, extraEdgeLines);
      for (DeferredEdge edge : graph.deferredEdges()) {
        writeDeferredEdge(gen, edge);
        gen.writeRaw('\n');
        lines++;
      }
      gen.flush();
    }
    out.flush();
    return lines;
  }

  private static long writeRawLines(JsonGenerator gen, List<String> lines) throws IOException {
    for (String line : lines) {
      gen.writeRaw(line);
      gen.writeRaw('\n');
    }
    return lines.size();
  }

  /** One node's line (without the line break), as {@link #write} writes it for a node not replaced. */
  public static String nodeLine(Node node) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(text)) {
      writeNode(gen, node, false, null);
    }
    return text.toString();
  }

  /** One edge's line (without the line break), as {@link #write} writes it. */
  public static String edgeLine(Edge edge) throws IOException {
    java.io.StringWriter text = new java.io.StringWriter();
    try (JsonGenerator gen = FACTORY.createGenerator(text)) {
      writeEdge(gen, edge);
    }
    return text.toString();
  }

  static void writeNode(JsonGenerator gen, Node node, boolean replace, String exportedAt)
      throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", node.id());
    gen.writeFieldName("reported");
    writeReported(gen, node);
    gen.writeFieldName("metadata");
    gen.writeStartObject();
    if (node.typeName() != null) {
      gen.writeStringField("python_type", node.typeName());
    }
    gen.writeArrayFieldStart("categories");
    for (String c : node.categories()) {
      gen.writeString(c);
    }
    gen.writeEndArray();
    if (!node.assessments().isEmpty()) {
      writeAssessments(gen, node.assessments());
    }
    if (replace) {
      gen.writeBooleanField("replace", true);
      if (exportedAt != null) {
        gen.writeStringField("exported_at", exportedAt);
      }
    }
    gen.writeEndObject();
    if (!node.usage().isEmpty()) {
      gen.writeFieldName("usage");
      writeUsage(gen, node.usage());
    }
    gen.writeEndObject();
  }

  /** {@code "assessments": [{"provider", "findings": [{"title", "severity", ...}]}]}, nulls left out. */
  private static void writeAssessments(JsonGenerator gen, List<Assessment> assessments) throws IOException {
    gen.writeArrayFieldStart("assessments");
    for (Assessment a : assessments) {
      gen.writeStartObject();
      gen.writeStringField("provider", a.provider());
      gen.writeArrayFieldStart("findings");
      for (Assessment.Finding f : a.findings()) {
        gen.writeStartObject();
        gen.writeStringField("title", f.title());
        gen.writeStringField("severity", f.severity());
        if (f.description() != null) {
          gen.writeStringField("description", f.description());
        }
        if (f.remediation() != null) {
          gen.writeStringField("remediation", f.remediation());
        }
        writeTime(gen, "updated_at", f.updatedAt());
        if (!f.details().isEmpty()) {
          gen.writeFieldName("details");
          JsonValues.writeObject(gen, f.details());
        }
        gen.writeEndObject();
      }
      gen.writeEndArray();
      gen.writeEndObject();
    }
    gen.writeEndArray();
  }

  /** The statistics in the original's order (min, avg, max), then any others as given. */
  private static final List<String> STAT_ORDER = List.of("min", "avg", "max");

  private static void writeUsage(JsonGenerator gen, Map<String, Map<String, Double>> usage) throws IOException {
    gen.writeStartObject();
    for (Map.Entry<String, Map<String, Double>> metric : usage.entrySet()) {
      gen.writeObjectFieldStart(metric.getKey());
      Map<String, Double> stats = metric.getValue();
      for (String stat : STAT_ORDER) {
        if (stats.containsKey(stat)) {
          gen.writeNumberField(stat, stats.get(stat));
        }
      }
      for (Map.Entry<String, Double> s : stats.entrySet()) {
        if (!STAT_ORDER.contains(s.getKey())) {
          gen.writeNumberField(s.getKey(), s.getValue());
        }
      }
      gen.writeEndObject();
    }
    gen.writeEndObject();
  }

  private static void writeReported(JsonGenerator gen, Node node) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("id", node.resourceId());
    gen.writeFieldName("tags");
    JsonValues.writeObject(gen, node.tags());
    if (node.name() != null) {
      gen.writeStringField("name", node.name());
    }
    writeTime(gen, "ctime", node.ctime());
    writeTime(gen, "mtime", node.mtime());
    writeTime(gen, "atime", node.atime());
    for (Map.Entry<String, Object> p : node.properties().entrySet()) {
      if (p.getValue() != null && !isReservedKey(p.getKey())) {
        gen.writeFieldName(p.getKey());
        JsonValues.writeValue(gen, p.getValue());
      }
    }
    gen.writeStringField("kind", node.kind());
    gen.writeEndObject();
  }

  /** A property named like a fixed field would produce a duplicate key the core rejects. */
  private static boolean isReservedKey(String key) {
    switch (key) {
      case "id", "tags", "name", "ctime", "mtime", "atime", "kind":
        return true;
      default:
        return false;
    }
  }

  private static void writeTime(JsonGenerator gen, String field, Instant value)
      throws IOException {
    if (value != null) {
      gen.writeStringField(field, JsonValues.timestamp(value));
    }
  }

  static void writeEdge(JsonGenerator gen, Edge edge) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("from", edge.from());
    gen.writeStringField("to", edge.to());
    if (edge.type() != EdgeType.DEFAULT) {
      gen.writeStringField("edge_type", edge.type().wireName());
    }
    if (edge.reported() != null) {
      gen.writeFieldName("reported");
      JsonValues.writeObject(gen, edge.reported());
    }
    gen.writeEndObject();
  }

  static void writeDeferredEdge(JsonGenerator gen, DeferredEdge edge) throws IOException {
    gen.writeStartObject();
    writeSelector(gen, "from_selector", edge.from());
    writeSelector(gen, "to_selector", edge.to());
    gen.writeStringField("edge_type", edge.type().wireName());
    gen.writeEndObject();
  }

  private static void writeSelector(JsonGenerator gen, String field, DeferredEdge.Selector selector)
      throws IOException {
    gen.writeObjectFieldStart(field);
    if (selector.nodeId() != null) {
      gen.writeStringField("node_id", selector.nodeId());
    } else {
      gen.writeStringField("search_criteria", selector.searchCriteria());
    }
    gen.writeEndObject();
  }
}
