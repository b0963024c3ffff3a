package io.resoto.worker.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.graph.Edge;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.NdjsonWriter;
import io.resoto.worker.graph.Node;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The last good data of each account graph ({@code <data_dir>/last-good/<cloud>-<account>.tsv}),
 * so that the parts a run could not collect (a region denied, a service answering errors) are
 * carried forward from the run that last had them instead of disappearing: the core replaces an
 * account's whole subgraph with what it receives, and a run directory of the file sink holds only
 * what its graphs hold.
 *
 * <p>After each account graph is collected, {@link #record} keeps its nodes (with their region and
 * kind) and edges, the carried ones included. When a graph reports parts
 * {@link io.resoto.worker.spi.AccountGraph#incomplete incomplete}, {@link #carry} takes from that
 * file the nodes of those parts the new graph lacks, the ones reachable through default edges from
 * the new graph (so nothing dangles), and the edges between what is then present; each carried node
 * gets {@code metadata.carried_forward} with when it was collected and why it was carried. Nodes a
 * run did collect are never replaced. A file is written to a temporary name and renamed, so it is
 * whole or absent; one that cannot be read is ignored with a warning (nothing is carried).
 *
 * <p>Format (internal, may change): a header line, then one line per node
 * {@code N<TAB>id<TAB>account<TAB>region<TAB>kind<TAB>json} and per edge {@code E<TAB>from<TAB>to<TAB>type<TAB>json}.
 */
public final class LastGood {

  private static final Logger log = LoggerFactory.getLogger(LastGood.class);
  private static final String HEADER = "# resotoworker last good graph v1";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Node and edge lines carried forward into a delivery, and the parts they stand in for. */
  public record Carried(List<String> nodeLines, List<String> edgeLines, List<String> parts) {
    public static final Carried NONE = new Carried(List.of(), List.of(), List.of());

    public Carried {
      nodeLines = List.copyOf(nodeLines);
      edgeLines = List.copyOf(edgeLines);
      parts = List.copyOf(parts);
    }

    public boolean isEmpty() {
      return nodeLines.isEmpty();
    }
  }

  /**
   * A part of a graph that a run could not collect (null: any account, region or kind), and why.
   */
  public record Part(String account, String region, String kind, String reason) {

    /** Whether a node of this account, region and kind falls in this part. */
    public boolean covers(String nodeAccount, String nodeRegion, String nodeKind) {
      return (account == null || account.equals(nodeAccount)) && (region == null || region.equals(nodeRegion))
          && (kind == null || kind.equals(nodeKind));
    }

    String label() {
      return (account == null ? "" : account + " ") + (region == null ? "*" : region) + " "
          + (kind == null ? "*" : kind);
    }
  }

  private record StoredNode(String id, String account, String region, String kind, String json) {}

  private record StoredEdge(String from, String to, EdgeType type, String json) {}

  private final Path dir;

  public LastGood(Path dir) {
    this.dir = dir;
  }

  /** {@code <data_dir>/last-good}. */
  public static LastGood in(Path dataDir) {
    return new LastGood(dataDir.resolve("last-good"));
  }

  public Path dir() {
    return dir;
  }

  /**
   * The nodes of the incomplete parts that {@code fresh} lacks, from the last good data of
   * {@code stem}, marked as carried, with their edges. Empty when nothing is incomplete, nothing
   * was kept or the kept file cannot be read.
   */
  public Carried carry(String stem, Graph fresh, List<Part> incomplete) {
    if (incomplete.isEmpty()) {
      return Carried.NONE;
    }
    Stored stored = read(stem, n -> fresh.node(n.id()).isEmpty()
        && covered(incomplete, n.account(), n.region(), n.kind()));
    if (stored == null) {
      return Carried.NONE;
    }
    Path file = file(stem);
    String collectedAt = stored.collectedAt();
    List<StoredNode> candidates = stored.nodes();
    List<StoredEdge> allEdges = stored.edges();
    Map<String, List<StoredEdge>> edgesFrom = new HashMap<>();
    for (StoredEdge e : allEdges) {
      if (e.type() == EdgeType.DEFAULT) {
        edgesFrom.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e);
      }
    }
    if (candidates.isEmpty()) {
      return Carried.NONE;
    }
    // keep the candidates reachable from the new graph through default edges, so none dangles
    Map<String, StoredNode> byId = new LinkedHashMap<>();
    candidates.forEach(c -> byId.put(c.id(), c));
    Set<String> reached = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (StoredEdge e : allEdges) {
      if (e.type() == EdgeType.DEFAULT && fresh.node(e.from()).isPresent() && byId.containsKey(e.to())
          && reached.add(e.to())) {
        todo.add(e.to());
      }
    }
    while (!todo.isEmpty()) {
      for (StoredEdge e : edgesFrom.getOrDefault(todo.poll(), List.of())) {
        if (byId.containsKey(e.to()) && reached.add(e.to())) {
          todo.add(e.to());
        }
      }
    }
    List<String> nodeLines = new ArrayList<>();
    Set<String> parts = new java.util.TreeSet<>();
    try {
      for (StoredNode n : byId.values()) {
        if (reached.contains(n.id())) {
          Part why = incomplete.stream().filter(p -> p.covers(n.account(), n.region(), n.kind())).findFirst()
              .orElseThrow();
          nodeLines.add(mark(n.json(), collectedAt, n.account(), n.region(), why.reason()));
          parts.add(why.label());
        }
      }
    } catch (IOException e) {
      log.warn("{}: the last good data in {} holds a node line that is not JSON, nothing carried forward: {}",
          stem, file, e.getMessage());
      return Carried.NONE;
    }
    List<String> edgeLines = new ArrayList<>();
    for (StoredEdge e : allEdges) {
      boolean fromCarried = reached.contains(e.from());
      boolean toCarried = reached.contains(e.to());
      if ((fromCarried || toCarried)
          && (fromCarried || fresh.node(e.from()).isPresent())
          && (toCarried || fresh.node(e.to()).isPresent())) {
        edgeLines.add(e.json());
      }
    }
    log.info("{}: carried forward {} node(s) and {} edge(s) of {} incomplete part(s) from the data collected at {}",
        stem, nodeLines.size(), edgeLines.size(), parts.size(), collectedAt);
    return new Carried(nodeLines, edgeLines, List.copyOf(parts));
  }

  /** A whole account graph carried forward: its root (the account node) and every line. */
  public record Whole(String rootId, String rootName, Carried carried) {}

  /**
   * The whole last good graph of {@code stem}, every node marked as carried with {@code reason},
   * its root marked {@code replace} (with {@code exported_at}) as a delivered account node is:
   * for an account a run could not collect at all. Empty when nothing was kept, the file cannot
   * be read or it names no root.
   */
  public java.util.Optional<Whole> carryWhole(String stem, String reason, Instant exportedAt) {
    Stored stored = read(stem, n -> true);
    if (stored == null || stored.root() == null) {
      return java.util.Optional.empty();
    }
    String root = stored.root();
    String rootName = null;
    List<String> nodeLines = new ArrayList<>();
    try {
      for (StoredNode n : stored.nodes()) {
        String json = mark(n.json(), stored.collectedAt(), n.account(), n.region(), reason);
        if (n.id().equals(root)) {
          ObjectNode node = (ObjectNode) JSON.readTree(json);
          rootName = node.path("reported").path("name").asText(null);
          ((ObjectNode) node.get("metadata")).put("replace", true)
              .put("exported_at", exportedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
          json = JSON.writeValueAsString(node);
        }
        nodeLines.add(json);
      }
    } catch (IOException e) {
      log.warn("{}: the last good data in {} holds a node line that is not JSON, nothing carried forward: {}",
          stem, file(stem), e.getMessage());
      return java.util.Optional.empty();
    }
    List<String> edgeLines = stored.edges().stream().map(StoredEdge::json).toList();
    log.info("{}: not collected; its last good data carried forward whole: {} node(s), {} edge(s)", stem,
        nodeLines.size(), edgeLines.size());
    return java.util.Optional.of(new Whole(root, rootName, new Carried(nodeLines, edgeLines, List.of("* *"))));
  }

  /** A last-good file as read: its header's values, the nodes kept by the filter, every edge. */
  private record Stored(String collectedAt, String root, List<StoredNode> nodes, List<StoredEdge> edges) {}

  /**
   * Reads the last good data of {@code stem}, keeping only the nodes {@code keep} accepts (so a
   * large account is not held whole to carry a few of its nodes). Null when there is none or it
   * cannot be read (logged).
   */
  private Stored read(String stem, java.util.function.Predicate<StoredNode> keep) {
    Path file = file(stem);
    List<StoredNode> nodes = new ArrayList<>();
    List<StoredEdge> edges = new ArrayList<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String header = in.readLine();
      if (header == null || !header.startsWith(HEADER)) {
        throw new IOException("not a last-good file (header: " + abbreviate(header) + ")");
      }
      String line;
      int lineNo = 1;
      while ((line = in.readLine()) != null) {
        lineNo++;
        String[] f = line.split("\t", 6);
        if (f[0].equals("N") && f.length == 6) {
          StoredNode n = new StoredNode(f[1], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3], f[4], f[5]);
          if (keep.test(n)) {
            nodes.add(n);
          }
        } else if (f[0].equals("E") && f.length == 5) {
          edges.add(new StoredEdge(f[1], f[2], EdgeType.fromWireName(f[3]), f[4]));
        } else {
          throw new IOException("line " + lineNo + " is malformed");
        }
      }
      return new Stored(headerValue(header, "collected_at"), headerValue(header, "root"), nodes, edges);
    } catch (NoSuchFileException e) {
      log.info("{}: no earlier data to carry forward", stem);
      return null;
    } catch (IOException | RuntimeException e) {
      log.warn("{}: the last good data in {} cannot be read, nothing carried forward: {}", stem, file,
          e.getMessage());
      return null;
    }
  }

  /**
   * Keeps {@code graph} (an account's or a cloud's content, without root and cloud) and what was
   * carried into it as the last good data of {@code stem}. A failure is logged, never thrown: it
   * costs only the next run's carrying forward.
   */
  public void record(String stem, Graph graph, Carried carried, Instant collectedAt) {
    record(stem, graph, null, carried, collectedAt);
  }

  /**
   * As {@link #record(String, Graph, Carried, Instant)}, naming the graph's root (the account node),
   * so that the whole account can be carried forward when a run cannot collect it at all
   * ({@link #carryWhole}).
   */
  public void record(String stem, Graph graph, String rootId, Carried carried, Instant collectedAt) {
    try {
      Files.createDirectories(dir);
      FileSink.writeAtomically(file(stem), out -> {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        w.write(HEADER + " collected_at=" + collectedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + (rootId == null ? "" : " root=" + rootId) + "\n");
        for (Node n : graph.nodes()) {
          writeNode(w, n.id(), n.account(), n.region(), n.kind(), NdjsonWriter.nodeLine(n));
        }
        for (String line : carried.nodeLines()) {
          JsonNode node = JSON.readTree(line);
          // carried nodes keep the scope they were kept with: read it back from their mark
          JsonNode mark = node.path("metadata").path("carried_forward");
          writeNode(w, node.path("id").asText(), mark.path("account").asText(null), mark.path("region").asText(null),
              node.path("reported").path("kind").asText(), line);
        }
        for (Edge e : graph.edges()) {
          writeEdge(w, e.from(), e.to(), e.type(), NdjsonWriter.edgeLine(e));
        }
        for (String line : carried.edgeLines()) {
          JsonNode edge = JSON.readTree(line);
          writeEdge(w, edge.path("from").asText(), edge.path("to").asText(),
              EdgeType.fromWireName(edge.path("edge_type").asText(EdgeType.DEFAULT.wireName())), line);
        }
        w.flush();
      });
    } catch (IOException | RuntimeException e) {
      log.warn("{}: could not keep the last good data in {} (the next run cannot carry parts of it forward): {}",
          stem, dir, e.getMessage());
    }
  }

  private Path file(String stem) {
    return dir.resolve(stem + ".tsv");
  }

  private static void writeNode(BufferedWriter w, String id, String account, String region, String kind,
      String json) throws IOException {
    w.write("N\t" + id + "\t" + (account == null ? "" : account) + "\t" + (region == null ? "" : region) + "\t"
        + kind + "\t" + json + "\n");
  }

  private static void writeEdge(BufferedWriter w, String from, String to, EdgeType type, String json)
      throws IOException {
    w.write("E\t" + from + "\t" + to + "\t" + type.wireName() + "\t" + json + "\n");
  }

  private static boolean covered(List<Part> parts, String account, String region, String kind) {
    for (Part p : parts) {
      if (p.covers(account, region, kind)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The node line with {@code metadata.carried_forward}: when the data was collected, its account
   * and region (kept for the next carrying) and why it was carried. A node carried before keeps its first
   * collection time.
   */
  private static String mark(String json, String collectedAt, String account, String region, String reason)
      throws IOException {
    ObjectNode node = (ObjectNode) JSON.readTree(json);
    ObjectNode metadata = node.has("metadata") && node.get("metadata").isObject()
        ? (ObjectNode) node.get("metadata") : node.putObject("metadata");
    JsonNode earlier = metadata.get("carried_forward");
    ObjectNode mark = metadata.putObject("carried_forward");
    mark.put("collected_at", earlier != null && earlier.hasNonNull("collected_at")
        ? earlier.get("collected_at").asText() : collectedAt);
    if (account != null) {
      mark.put("account", account);
    }
    if (region != null) {
      mark.put("region", region);
    }
    mark.put("reason", reason);
    return JSON.writeValueAsString(node);
  }

  private static String headerValue(String header, String key) {
    for (String part : header.split(" ")) {
      if (part.startsWith(key + "=")) {
        return part.substring(key.length() + 1);
      }
    }
    return null;
  }

  private static String abbreviate(String s) {
    return s == null ? "none" : s.length() > 60 ? s.substring(0, 60) + "..." : s;
  }
}
