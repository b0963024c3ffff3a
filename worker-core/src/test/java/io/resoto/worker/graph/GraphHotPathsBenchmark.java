package io.resoto.worker.graph;

import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * JMH benchmarks of the worker-core hot paths, on one thread (one core): NDJSON export of a graph
 * (target: at least 200,000 nodes per second) and node id computation. Run with
 * {@code mvn -B -Pbenchmark -pl worker-core test}; prints JMH's table and the figures per second.
 */
@Tag("benchmark")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class GraphHotPathsBenchmark {

  static final int NODES = 20_000;

  private Graph graph;
  private List<List<String>> keyParts;

  /** A graph shaped like a collected region: volumes with a realistic property set, one edge each. */
  @Setup
  public void setUp() {
    graph = new Graph();
    Node region = graph.add(Node.builder("aws_region", "us-east-1").cloud("aws").account("123456789012")
        .region("us-east-1").name("us-east-1").build());
    keyParts = new ArrayList<>(NODES);
    Instant created = Instant.parse("2024-03-04T09:15:00Z");
    for (int i = 0; i < NODES; i++) {
      String id = String.format("vol-%017x", i);
      Node n = graph.add(Node.builder("aws_ec2_volume", id).cloud("aws").account("123456789012")
          .region("us-east-1").zone("us-east-1a").name("volume-" + i).ctime(created).mtime(created)
          .tag("Name", "volume-" + i).tag("env", i % 2 == 0 ? "prod" : "dev")
          .idKeyExtra("arn:aws:ec2:us-east-1:123456789012:volume/" + id)
          .property("arn", "arn:aws:ec2:us-east-1:123456789012:volume/" + id)
          .property("volume_size", 8 + i % 500).property("volume_type", "gp3").property("volume_status", "in-use")
          .property("volume_iops", 3000).property("volume_throughput", 125).property("volume_encrypted", true)
          .property("volume_kms_key_id", "arn:aws:kms:us-east-1:123456789012:key/0a11c0e0-0000-4000-8000-0000000001")
          .property("volume_multi_attach_enabled", false).property("snapshot_id", "snap-0a11c0e0000000001")
          .property("volume_attachments", List.of(java.util.Map.of("instance_id", "i-0a11c0e0000000001",
              "device", "/dev/sdf", "state", "attached", "delete_on_termination", false)))
          .usage("volume_read_ops", "avg", 12.5).usage("volume_write_ops", "avg", 7.25)
          .build());
      graph.addEdge(region, n);
      keyParts.add(List.of("aws_ec2_volume", id, "aws", "123456789012", "us-east-1",
          "arn:aws:ec2:us-east-1:123456789012:volume/" + id));
    }
  }

  /** Writes the whole graph as NDJSON (nodes, then edges); the score is nodes per second. */
  @Benchmark
  @OperationsPerInvocation(NODES)
  public long ndjsonExport() throws Exception {
    return NdjsonWriter.write(graph, OutputStream.nullOutputStream(), Set.of(), Instant.EPOCH);
  }

  /** The node id of each node's key parts (the original's hash of its id tuple); the score is ids per second. */
  @Benchmark
  @OperationsPerInvocation(NODES)
  public void nodeIds(Blackhole bh) {
    for (List<String> parts : keyParts) {
      bh.consume(NodeId.compute(parts));
    }
  }

  @Test
  void run() throws Exception {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(GraphHotPathsBenchmark.class.getName() + "\\.").build()).run();
    System.out.println();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
      double perSecond = r.getPrimaryResult().getScore();
      String unit = name.equals("ndjsonExport") ? "nodes" : "ids";
      System.out.printf("%-14s %,12.0f %s/s on one thread (+- %,.0f)%s%n", name, perSecond, unit,
          r.getPrimaryResult().getScoreError(),
          name.equals("ndjsonExport") ? (perSecond >= 200_000 ? "  target 200,000: met" : "  target 200,000: NOT met")
              : "");
    }
  }
}
