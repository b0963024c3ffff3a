package io.resoto.worker.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.run.CollectRun;
import io.resoto.worker.run.RunSummary;
import io.resoto.worker.testing.Configs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSinkTest {

  @TempDir Path dir;

  private RunSummary collect(FileSink sink, String runId, Instant start) {
    LoadedConfig config = Configs.load("resotoworker:\n  collector: [testcloud]\ntestcloud:\n  accounts: 2\n");
    RunInfo info = new RunInfo(runId, "test", start, "resoto");
    return new CollectRun(info, config, Configs.REGISTRY.createConfigured(config.worker()), sink, Clock.systemUTC()).execute();
  }

  @Test
  void aRunBecomesADirectoryWithOneNdjsonPerAccountTheModelAndTheSummary() throws Exception {
    FileSink sink = new FileSink(dir, 10);
    sink.prepare();
    RunSummary summary = collect(sink, "20260101T000000.000Z", Instant.now());

    Path run = dir.resolve("runs/20260101T000000.000Z");
    assertThat(summary.location()).isEqualTo(run.toString());
    assertThat(list(run)).containsExactlyInAnyOrder("model.json", "summary.json",
        "testcloud-000000000001.ndjson", "testcloud-000000000002.ndjson");
    assertThat(Files.readString(dir.resolve("runs/latest")).strip()).isEqualTo("20260101T000000.000Z");

    List<String> lines = Files.readAllLines(run.resolve("testcloud-000000000001.ndjson"));
    ObjectMapper json = new ObjectMapper();
    JsonNode first = json.readTree(lines.get(0));
    assertThat(first.at("/reported/kind").asText()).isEqualTo("graph_root");
    long nodes = lines.stream().filter(l -> l.startsWith("{\"id\"")).count();
    long edges = lines.stream().filter(l -> l.startsWith("{\"from\"")).count();
    assertThat(nodes).isEqualTo(2 + 1 + 1 + 3);
    assertThat(edges).isEqualTo(6);
    // nodes first, then edges
    assertThat(lines.subList(0, (int) nodes)).allMatch(l -> l.startsWith("{\"id\""));
    JsonNode account = lines.stream().map(l -> read(json, l))
        .filter(n -> n.at("/reported/kind").asText().equals("testcloud_account")).findFirst().orElseThrow();
    assertThat(account.at("/metadata/replace").asBoolean()).isTrue();
    assertThat(account.at("/metadata/exported_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

    JsonNode written = json.readTree(run.resolve("summary.json").toFile());
    assertThat(written.get("status").asText()).isEqualTo("complete");
    assertThat(written.at("/resources_by_kind/testcloud_instance").asLong()).isEqualTo(6);
    assertThat(written.get("accounts")).hasSize(2);
    JsonNode model = json.readTree(run.resolve("model.json").toFile());
    assertThat(model.isArray()).isTrue();
    assertThat(model.findValuesAsText("fqn")).contains("testcloud_instance", "instance", "resource");
  }

  @Test
  void onlyTheNewestRunsAreKept() throws Exception {
    FileSink sink = new FileSink(dir, 2);
    sink.prepare();
    for (int i = 1; i <= 4; i++) {
      collect(sink, "2026010" + i + "T000000.000Z", Instant.now());
    }
    assertThat(list(dir.resolve("runs"))).containsExactlyInAnyOrder(
        "20260103T000000.000Z", "20260104T000000.000Z", "latest");
  }

  @Test
  void prepareRemovesWhatAKilledRunLeftBehind() throws Exception {
    Path stale = dir.resolve("runs/.20260101T000000.000Z.partial");
    Files.createDirectories(stale);
    Files.writeString(stale.resolve("example-1.ndjson"), "{\"id\":");
    new FileSink(dir, 10).prepare();
    assertThat(stale).doesNotExist();
  }

  @Test
  void anUnusableDataDirectoryIsReportedWithItsPathAndReason() throws Exception {
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    FileSink sink = new FileSink(file.resolve("data"), 10);
    assertThatThrownBy(sink::prepare)
        .isInstanceOf(IOException.class)
        .hasMessageStartingWith("data directory " + file.resolve("data") + " is not usable: ");
  }

  @Test
  void homeIsExpanded() {
    assertThat(FileSink.expandHome("~/x")).isEqualTo(Path.of(System.getProperty("user.home"), "x"));
    assertThat(FileSink.expandHome("/abs")).isEqualTo(Path.of("/abs"));
  }

  private static JsonNode read(ObjectMapper json, String line) {
    try {
      return json.readTree(line);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static List<String> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }
}
