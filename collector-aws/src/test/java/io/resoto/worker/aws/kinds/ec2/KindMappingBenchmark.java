package io.resoto.worker.aws.kinds.ec2;

import io.resoto.worker.aws.engine.DetachedContexts;
import io.resoto.worker.aws.engine.KindContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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
import software.amazon.awssdk.services.ec2.model.Volume;
import software.amazon.awssdk.services.ec2.model.VolumeAttachment;

/**
 * JMH benchmark of the SDK response -> node mapping on one thread: EC2 volumes as DescribeVolumes
 * returns them, mapped by the volume kind (tags, ARN, id tuple, attachments). Run with
 * {@code mvn -B -Pbenchmark -pl worker-core,aws-simulator,collector-aws -am test
 * -Dtest=KindMappingBenchmark}.
 */
@Tag("benchmark")
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KindMappingBenchmark {

  static final int VOLUMES = 10_000;

  private KindContext ctx;
  private List<Volume> volumes;

  @Setup
  public void setUp() {
    ctx = DetachedContexts.of(new AwsEc2VolumeKind(), "us-east-1");
    volumes = new ArrayList<>(VOLUMES);
    for (int i = 0; i < VOLUMES; i++) {
      String id = String.format("vol-%017x", i);
      volumes.add(Volume.builder().volumeId(id).size(8 + i % 500).volumeType("gp3").state("in-use").iops(3000)
          .throughput(125).encrypted(true).availabilityZone("us-east-1a")
          .kmsKeyId("arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001")
          .snapshotId("snap-0a11c0e0000000001").createTime(Instant.parse("2024-03-04T09:15:00Z"))
          .multiAttachEnabled(false)
          .attachments(VolumeAttachment.builder().instanceId("i-0a11c0e0000000001").device("/dev/sdf")
              .state("attached").volumeId(id).deleteOnTermination(false)
              .attachTime(Instant.parse("2024-03-04T09:20:00Z")).build())
          .tags(software.amazon.awssdk.services.ec2.model.Tag.builder().key("Name").value("volume-" + i).build(),
              software.amazon.awssdk.services.ec2.model.Tag.builder().key("env").value("prod").build())
          .build());
    }
  }

  /** Maps every volume to its node; the score is nodes per second. */
  @Benchmark
  @OperationsPerInvocation(VOLUMES)
  public void volumeToNode(Blackhole bh) {
    for (Volume v : volumes) {
      bh.consume(AwsEc2VolumeKind.node(ctx, v).id());
    }
  }

  @Test
  void run() throws Exception {
    Collection<RunResult> results = new Runner(new OptionsBuilder()
        .include(KindMappingBenchmark.class.getName() + "\\.").build()).run();
    System.out.println();
    for (RunResult r : results) {
      System.out.printf("%-14s %,12.0f nodes/s on one thread (+- %,.0f)%n",
          r.getParams().getBenchmark().replaceAll(".*\\.", ""), r.getPrimaryResult().getScore(),
          r.getPrimaryResult().getScoreError());
    }
  }
}
