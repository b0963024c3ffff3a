package io.resoto.worker.graph;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeTest {

  private static Node full() {
    return Node.builder("aws_ec2_volume", "vol-1").name("data").tag("env", "prod")
        .ctime(Instant.parse("2024-01-01T00:00:00Z")).mtime(Instant.parse("2024-02-01T00:00:00Z"))
        .atime(Instant.parse("2024-03-01T00:00:00Z")).property("volume_size", 8L)
        .cloud("aws").account("111111111111").region("us-east-1").zone("us-east-1a")
        .idKeyExtra("arn:aws:ec2:us-east-1:111111111111:volume/vol-1").categories("storage")
        .typeName("t").usage("volume_read_iops", "avg", 2.0).build();
  }

  @Test
  void aCopyWithUsageKeepsEverythingElseAndTheId() {
    Node n = full();
    Node copy = n.toBuilder().usage("volume_read_iops", "max", 4.0).usage("volume_idle_time_seconds", "min", 1.5)
        .build();
    assertThat(copy.id()).isEqualTo(n.id());
    assertThat(copy.keyParts()).isEqualTo(n.keyParts());
    assertThat(copy).usingRecursiveComparison().ignoringFields("usage").isEqualTo(n);
    assertThat(copy.usage()).isEqualTo(Map.of("volume_read_iops", Map.of("avg", 2.0, "max", 4.0),
        "volume_idle_time_seconds", Map.of("min", 1.5)));
    // the original is untouched
    assertThat(n.usage()).isEqualTo(Map.of("volume_read_iops", Map.of("avg", 2.0)));
  }

  @Test
  void usageIsImmutableAndEmptyByDefault() {
    assertThat(Node.builder("k", "a").build().usage()).isEmpty();
    Node n = full();
    assertThatThrownBy(() -> n.usage().put("x", Map.of())).isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> n.usage().get("volume_read_iops").put("min", 1.0))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void usageValuesMustBeFinite() {
    assertThatThrownBy(() -> Node.builder("k", "a").usage("m", "avg", Double.NaN))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("usage m.avg must be finite, got NaN");
    assertThatThrownBy(() -> Node.builder("k", "a").usage("m", "max", Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
