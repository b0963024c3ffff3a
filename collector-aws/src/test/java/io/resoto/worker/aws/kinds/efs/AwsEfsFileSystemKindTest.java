package io.resoto.worker.aws.kinds.efs;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class AwsEfsFileSystemKindTest extends KindTestHarness {

  @Test
  void fileSystemsAreMappedWithTheirPolicy() throws Exception {
    AwsEfsFileSystemKind kind = new AwsEfsFileSystemKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsEfsMountTargetKind(), new AwsEfsAccessPointKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsEfsFileSystemKind.KIND)).extracting(Node::resourceId)
        .containsExactlyInAnyOrder("fs-0a11c0e000000001", "fs-0a11c0e000000002");
    Node web = node(g, AwsEfsFileSystemKind.KIND, "fs-0a11c0e000000001");
    assertThat(web.name()).isEqualTo("web-shared");
    assertThat(web.ctime()).isEqualTo(Instant.parse("2024-03-01T12:00:00Z"));
    assertThat(web.tags()).isEqualTo(Map.of("Name", "web-shared", "team", "web"));
    assertThat(web.properties())
        .containsEntry("arn", "arn:aws:elasticfilesystem:us-east-1:111111111111:file-system/fs-0a11c0e000000001")
        .containsEntry("share_size", 6L) // 5.5 GiB rounded up
        .containsEntry("share_throughput", 128L * 1024 * 1024)
        .containsEntry("share_encrypted", true)
        .containsEntry("share_status", "available")
        .containsEntry("throughput_mode", "provisioned")
        .containsEntry("number_of_mount_targets", 2);
    assertThat((String) web.properties().get("file_system_policy")).contains("elasticfilesystem:ClientMount");
    Node scratch = node(g, AwsEfsFileSystemKind.KIND, "fs-0a11c0e000000002");
    assertThat(scratch.name()).isEqualTo("fs-0a11c0e000000002");
    assertThat(scratch.properties()).doesNotContainKey("file_system_policy").containsEntry("share_size", 1L)
        .containsEntry("availability_zone_name", "us-east-1a");

    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith(AwsEfsFileSystemKind.KIND))
        .containsExactlyInAnyOrder(
            "aws_efs_file_system:web-shared -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001",
            "aws_efs_file_system:web-shared -> aws_efs_mount_target:fsmt-0a11c0e000000001",
            "aws_efs_file_system:web-shared -> aws_efs_mount_target:fsmt-0a11c0e000000002",
            "aws_efs_file_system:web-shared -> aws_efs_access_point:web-content");
    assertThat(edges(g, EdgeType.DELETE))
        .containsExactly("aws_efs_file_system:web-shared -> aws_efs_access_point:web-content");
  }

  @Test
  void tagsAreChangedByTheFileSystemId() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    try {
      TagTarget target = new TagTarget(AwsEfsFileSystemKind.KIND, "fs-0a11c0e000000002", "fs-0a11c0e000000002", null,
          TestSupport.MGMT, "us-east-1", null, Map.of(), Map.of());
      plugin.updateTag(null, target, "backup", "daily");
      assertThat(node(collect(new AwsEfsFileSystemKind()), AwsEfsFileSystemKind.KIND, "fs-0a11c0e000000002").tags())
          .isEqualTo(Map.of("team", "data", "backup", "daily"));
      plugin.deleteTag(null, target, "backup");
      assertThat(node(collect(new AwsEfsFileSystemKind()), AwsEfsFileSystemKind.KIND, "fs-0a11c0e000000002").tags())
          .isEqualTo(Map.of("team", "data"));
    } finally {
      plugin.close();
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void listingsOfSeveralPagesAreReadInFull() throws Exception {
    Yaml yaml = new Yaml();
    Map<String, Object> doc;
    try (InputStream in = Estate.class.getClassLoader().getResourceAsStream(Estate.DEMO_RESOURCE)) {
      doc = yaml.load(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
    List<Map<String, Object>> fileSystems = new ArrayList<>();
    List<Map<String, Object>> targets = new ArrayList<>();
    List<Map<String, Object>> points = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      fileSystems.add(Map.of("FileSystemId", "fs-" + i, "CreationTime", "2024-01-0" + (i + 1) + "T00:00:00Z"));
      targets.add(Map.of("MountTargetId", "fsmt-" + i, "FileSystemId", "fs-0"));
      points.add(Map.of("AccessPointId", "fsap-" + i, "FileSystemId", "fs-" + i));
    }
    doc.put("resources", Map.of("111111111111", Map.of("us-west-2", Map.of("efs",
        Map.of("FileSystems", fileSystems, "MountTargets", targets, "AccessPoints", points)))));
    try (Simulation big = Simulation.start(Estate.parse(yaml.dump(doc), "many-file-systems"))) {
      Graph g = collect(big, new AwsEfsFileSystemKind(3), new AwsEfsMountTargetKind(2), new AwsEfsAccessPointKind(4));
      assertThat(nodes(g, AwsEfsFileSystemKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsEfsMountTargetKind.KIND)).hasSize(7);
      assertThat(nodes(g, AwsEfsAccessPointKind.KIND)).hasSize(7);
      assertThat(node(g, AwsEfsFileSystemKind.KIND, "fs-6").ctime()).isEqualTo(Instant.parse("2024-01-07T00:00:00Z"));
    }
  }
}
