package io.resoto.worker.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

  @TempDir Path dir;

  private static Spool.Body body(int bytes) {
    return out -> out.write("x".repeat(bytes).getBytes(StandardCharsets.US_ASCII));
  }

  private long files(String suffix) throws Exception {
    try (Stream<Path> all = Files.walk(dir)) {
      return all.filter(f -> f.toString().endsWith(suffix)).count();
    }
  }

  @Test
  void aNewerGraphOfTheSameAccountSupersedesAnUnsentOne() throws Exception {
    Spool spool = new Spool(dir, 1 << 20, Duration.ofHours(1), Clock.systemUTC());
    spool.recover();
    Spool.Entry old = spool.add("run-1", "resoto", "t1", "resoto a1", "aws a1", 1, 0, body(10));
    spool.release(old);
    CompletableFuture<Void> run1 = spool.settled("run-1");
    spool.runFinished("run-1");
    Spool.Entry other = spool.add("run-2", "resoto", "t2", "resoto a2", "aws a2", 1, 0, body(10));
    Spool.Entry newer = spool.add("run-2", "resoto", "t2", "resoto a1", "aws a1", 1, 0, body(10));
    assertThat(run1).as("the superseded run is settled").isDone();
    assertThat(Files.exists(old.file())).isFalse();
    assertThat(spool.size()).isEqualTo(2);
    spool.done(other);
    spool.done(newer);
    assertThat(spool.size()).isZero();
  }

  @Test
  void overItsSizeTheSpoolDropsTheOldestUnsentGraphs() throws Exception {
    Spool spool = new Spool(dir, 250, Duration.ofHours(1), Clock.systemUTC());
    spool.recover();
    Spool.Entry a = spool.add("run-1", "resoto", null, "k1", "a", 1, 0, body(100));
    spool.release(a);
    Spool.Entry b = spool.add("run-1", "resoto", null, "k2", "b", 1, 0, body(100));
    spool.release(b);
    Spool.Entry c = spool.add("run-1", "resoto", null, "k3", "c", 1, 0, body(100));
    assertThat(spool.size()).isEqualTo(2);
    assertThat(Files.exists(a.file())).isFalse();
    assertThat(Files.exists(b.file())).isTrue();
    assertThat(Files.exists(c.file())).isTrue();
  }

  @Test
  void entriesOlderThanTheMaximumAgeAreExpired() throws Exception {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");
    Spool spool = new Spool(dir, 1 << 20, Duration.ofSeconds(60), Clock.fixed(now, ZoneOffset.UTC));
    spool.recover();
    Spool.Entry e = spool.add("run-1", "resoto", null, "k", "a", 1, 0, body(1));
    assertThat(spool.expired(e)).isFalse();
    Spool later = new Spool(dir, 1 << 20, Duration.ofSeconds(60), Clock.fixed(now.plusSeconds(61), ZoneOffset.UTC));
    later.recover();
    Spool.Entry recovered = later.next();
    assertThat(recovered.file()).isEqualTo(e.file());
    assertThat(later.expired(recovered)).isTrue();
  }

  @Test
  void recoveryKeepsWholeEntriesInOrderAndRemovesHalfWrittenOnes() throws Exception {
    Spool first = new Spool(dir, 1 << 20, Duration.ofHours(1), Clock.systemUTC());
    first.recover();
    first.saveModel("run-1", "[]".getBytes(StandardCharsets.UTF_8));
    Spool.Entry a = first.add("run-1", "resoto", "t1", "k1", "a", 3, 2, body(5));
    Spool.Entry b = first.add("run-1", "resoto", "t1", "k2", "b", 3, 2, body(5));
    // a crash while writing: a temporary file, and a meta file without its graph
    Files.writeString(dir.resolve("run-1/00000099-c.ndjson.tmp"), "half");
    Files.writeString(dir.resolve("run-1/00000099-c.meta.json"), "{}");

    Spool second = new Spool(dir, 1 << 20, Duration.ofHours(1), Clock.systemUTC());
    assertThat(second.recover()).isEqualTo(2);
    assertThat(files(".tmp")).isZero();
    assertThat(files(".meta.json")).isEqualTo(2);
    assertThat(second.recovered("run-1")).isTrue();
    assertThat(new String(second.model("run-1"), StandardCharsets.UTF_8)).isEqualTo("[]");
    Spool.Entry n1 = second.next();
    Spool.Entry n2 = second.next();
    assertThat(n1.file()).isEqualTo(a.file());
    assertThat(n2.file()).isEqualTo(b.file());
    assertThat(n1.task()).isEqualTo("t1");
    assertThat(n1.nodes()).isEqualTo(3);
    second.done(n1);
    second.done(n2);
    assertThat(Files.exists(dir.resolve("run-1"))).as("an empty run directory goes").isFalse();
  }
}
