package io.resoto.worker.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LastGoodTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Instant FIRST = Instant.parse("2026-11-01T10:00:00Z");
  private static final Instant SECOND = Instant.parse("2026-11-01T11:00:00Z");

  @TempDir Path dir;

  private Node account;
  private Node east;
  private Node west;

  /** account -> two regions; per region a volume and a bucket; the east volume -> its snapshot (same region). */
  private Graph estate(boolean withEast, boolean withWestVolume) {
    Graph g = new Graph();
    account = g.add(Node.builder("x_account", "111").account("111").build());
    east = g.add(Node.builder("x_region", "east").account("111").region("east").idKeyExtra("east").build());
    west = g.add(Node.builder("x_region", "west").account("111").region("west").idKeyExtra("west").build());
    g.addEdge(account, east);
    g.addEdge(account, west);
    if (withEast) {
      Node v = g.add(volume("vol-e", "east"));
      Node s = g.add(Node.builder("x_snapshot", "snap-e").account("111").region("east").build());
      g.addEdge(east, v);
      g.addEdge(v, s);
      g.addEdge(s, v, EdgeType.DELETE);
      Node b = g.add(Node.builder("x_bucket", "b-e").account("111").region("east").build());
      g.addEdge(east, b);
    }
    if (withWestVolume) {
      g.addEdge(west, g.add(volume("vol-w", "west")));
    }
    g.addEdge(west, g.add(Node.builder("x_bucket", "b-w").account("111").region("west").build()));
    return g;
  }

  private static Node volume(String id, String region) {
    return Node.builder("x_volume", id).account("111").region(region).property("size", 8).build();
  }

  private static List<String> ids(List<String> lines, String field) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      out.add(JSON.readTree(l).path(field).asText());
    }
    return out;
  }

  private static List<String> resourceIds(List<String> nodeLines) throws IOException {
    List<String> out = new ArrayList<>();
    for (String l : nodeLines) {
      out.add(JSON.readTree(l).path("reported").path("id").asText());
    }
    return out;
  }

  @Test
  void theNodesOfAFailedPartAreCarriedWithTheirEdgesAndMarked() throws IOException {
    LastGood store = new LastGood(dir);
    Graph good = estate(true, true);
    store.record("x-111", good, LastGood.Carried.NONE, FIRST);

    Graph now = estate(false, true);
    LastGood.Carried carried = store.carry("x-111", now,
        List.of(new LastGood.Part(null, "east", null, "AccessDenied: region east")));

    assertThat(resourceIds(carried.nodeLines())).containsExactlyInAnyOrder("vol-e", "snap-e", "b-e");
    JsonNode mark = JSON.readTree(carried.nodeLines().get(0)).path("metadata").path("carried_forward");
    assertThat(mark.path("collected_at").asText()).isEqualTo("2026-11-01T10:00:00Z");
    assertThat(mark.path("reason").asText()).isEqualTo("AccessDenied: region east");
    assertThat(mark.path("region").asText()).isEqualTo("east");
    // region -> volume, region -> bucket, volume -> snapshot and the snapshot's delete edge
    assertThat(carried.edgeLines()).hasSize(4);
    List<String> from = ids(carried.edgeLines(), "from");
    List<String> to = ids(carried.edgeLines(), "to");
    assertThat(from).contains(east.id());
    assertThat(to).doesNotContain(west.id());
    assertThat(carried.parts()).containsExactly("east *");
  }

  @Test
  void onlyTheFailedKindIsCarriedAndNodesTheRunHasAreNeverReplaced() throws IOException {
    LastGood store = new LastGood(dir);
    store.record("x-111", estate(true, true), LastGood.Carried.NONE, FIRST);

    // this run lost the west volume only; east was collected
    Graph now = estate(true, false);
    LastGood.Carried carried = store.carry("x-111", now,
        List.of(new LastGood.Part(null, "west", "x_volume", "HTTP 500"), new LastGood.Part(null, "east", "x_volume",
            "throttled")));

    assertThat(resourceIds(carried.nodeLines())).containsExactly("vol-w");
    assertThat(ids(carried.edgeLines(), "from")).containsExactly(west.id());
  }

  @Test
  void nodesCarriedAgainKeepWhenTheyWereCollected() throws IOException {
    LastGood store = new LastGood(dir);
    store.record("x-111", estate(true, true), LastGood.Carried.NONE, FIRST);
    List<LastGood.Part> eastDown = List.of(new LastGood.Part(null, "east", null, "denied"));
    Graph second = estate(false, true);
    LastGood.Carried once = store.carry("x-111", second, eastDown);
    store.record("x-111", second, once, SECOND);

    LastGood.Carried twice = store.carry("x-111", estate(false, true), eastDown);

    assertThat(resourceIds(twice.nodeLines())).containsExactlyInAnyOrder("vol-e", "snap-e", "b-e");
    for (String line : twice.nodeLines()) {
      JsonNode mark = JSON.readTree(line).path("metadata").path("carried_forward");
      assertThat(mark.path("collected_at").asText()).isEqualTo("2026-11-01T10:00:00Z");
      assertThat(mark.path("region").asText()).isEqualTo("east");
    }
    assertThat(twice.edgeLines()).hasSize(4);

    // once east answers again, its fresh nodes are the data: nothing is carried
    store.record("x-111", estate(true, true), LastGood.Carried.NONE, SECOND);
    assertThat(store.carry("x-111", estate(true, true), eastDown).isEmpty()).isTrue();
  }

  @Test
  void aNodeWhoseParentIsGoneIsNotCarriedSoNothingDangles() throws IOException {
    LastGood store = new LastGood(dir);
    store.record("x-111", estate(true, true), LastGood.Carried.NONE, FIRST);
    // the run has no east region node at all, and only the snapshots failed
    Graph now = new Graph();
    Node acc = now.add(Node.builder("x_account", "111").account("111").build());
    now.addEdge(acc, now.add(Node.builder("x_region", "west").account("111").region("west").idKeyExtra("west").build()));

    LastGood.Carried carried = store.carry("x-111", now, List.of(new LastGood.Part(null, "east", "x_snapshot", "boom")));

    assertThat(carried.isEmpty()).isTrue();
  }

  @Test
  void partsNameTheirAccountInACloudGraph() throws IOException {
    LastGood store = new LastGood(dir);
    Graph good = estate(true, true);
    Node other = good.add(Node.builder("x_account", "222").account("222").build());
    Node otherEast = good.add(Node.builder("x_region", "east").account("222").region("east").idKeyExtra("east", "222")
        .build());
    good.addEdge(other, otherEast);
    good.addEdge(otherEast, good.add(Node.builder("x_bucket", "b-e-222").account("222").region("east").build()));
    store.record("x", good, LastGood.Carried.NONE, FIRST);

    Graph now = estate(false, true);
    now.add(other);
    now.add(otherEast);
    now.addEdge(other, otherEast);
    LastGood.Carried carried = store.carry("x", now, List.of(new LastGood.Part("222", "east", null, "denied")));

    assertThat(resourceIds(carried.nodeLines())).containsExactly("b-e-222");
  }

  @Test
  void withoutEarlierDataOrWithAnUnreadableFileNothingIsCarried() throws IOException {
    LastGood store = new LastGood(dir);
    List<LastGood.Part> parts = List.of(new LastGood.Part(null, null, null, "denied"));
    assertThat(store.carry("x-111", estate(false, false), parts).isEmpty()).isTrue();

    Files.writeString(dir.resolve("x-111.tsv"), "garbage\n");
    assertThat(store.carry("x-111", estate(false, false), parts).isEmpty()).isTrue();

    store.record("x-111", estate(true, true), LastGood.Carried.NONE, FIRST);
    String whole = Files.readString(dir.resolve("x-111.tsv"));
    Files.writeString(dir.resolve("x-111.tsv"), whole.substring(0, whole.length() / 2) + "\nN\tbroken");
    assertThat(store.carry("x-111", estate(false, false), parts).isEmpty()).isTrue();
    // nothing incomplete: the file is not even read
    assertThat(store.carry("x-111", estate(false, false), List.of()).isEmpty()).isTrue();
  }

  @Test
  void aDirectoryThatCannotBeWrittenCostsOnlyTheCarrying() throws IOException {
    Path file = Files.writeString(dir.resolve("not-a-dir"), "x");
    LastGood store = new LastGood(file.resolve("last-good"));
    store.record("x-111", estate(true, true), LastGood.Carried.NONE, FIRST);
    assertThat(store.carry("x-111", estate(false, true), List.of(new LastGood.Part(null, "east", null, "d")))
        .isEmpty()).isTrue();
  }
}
