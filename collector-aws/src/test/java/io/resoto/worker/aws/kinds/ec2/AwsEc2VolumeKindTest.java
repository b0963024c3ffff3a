package io.resoto.worker.aws.kinds.ec2;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Node;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsEc2VolumeKindTest extends Ec2ComputeTestBase {

  @Test
  void everyPropertyIsFilledFromTheDemo() {
    assertEveryPropertyFilled(demo, new AwsEc2VolumeKind(), "volume_size", "volume_type", "volume_status",
        "volume_iops", "volume_throughput", "volume_encrypted", "snapshot_before_delete");
  }

  @Test
  void idNameTagsArnAndEdges() {
    Node v = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000001");
    assertThat(v.name()).isEqualTo("web-1-root");
    assertThat(v.ctime()).isEqualTo(Instant.parse("2024-03-04T09:15:01Z"));
    assertThat(v.tags()).containsEntry("env", "prod");
    assertArn(v, "arn:aws:ec2:us-east-1:111111111111:volume/vol-0a11c0e0000000001");
    assertThat(v.properties()).containsEntry("volume_size", 50L).containsEntry("volume_status", "in-use");
    assertThat(successors(demo, v, EdgeType.DELETE)).containsExactly("aws_ec2_instance:i-0a11c0e0000000001");
    assertThat(successors(demo, v, EdgeType.DEFAULT)).containsExactly("aws_ec2_snapshot:snap-0a11c0e0000000001");
    assertThat(predecessors(demo, v, EdgeType.DEFAULT)).contains("aws_ec2_volume_type:gp3",
        "aws_ec2_instance:i-0a11c0e0000000001");
    Node free = node(demo, AwsEc2VolumeKind.KIND, "vol-0a11c0e0000000004");
    assertThat(free.properties()).containsEntry("volume_status", "available");
    assertThat(successors(demo, free, EdgeType.DELETE)).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void aListingOfSeveralPagesIsReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> volumes = new ArrayList<>();
    for (int i = 0; i < 1234; i++) {
      Map<String, Object> v = new LinkedHashMap<>();
      v.put("VolumeId", String.format("vol-%017x", i));
      v.put("Size", 1);
      v.put("VolumeType", i % 2 == 0 ? "gp3" : "gp2");
      v.put("State", "available");
      volumes.add(v);
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("ec2", Map.of("Volumes", volumes)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-volumes"))) {
      AccountCollector.Result result = collect(big, new AwsEc2VolumeKind(), new AwsEc2VolumeTypeKind());
      assertThat(nodes(result.graph().graph(), AwsEc2VolumeKind.KIND)).hasSize(1234);
      Node gp3 = node(result.graph().graph(), AwsEc2VolumeTypeKind.KIND, "gp3");
      assertThat(successors(result.graph().graph(), gp3, EdgeType.DEFAULT)).hasSize(617);
    }
  }
}
