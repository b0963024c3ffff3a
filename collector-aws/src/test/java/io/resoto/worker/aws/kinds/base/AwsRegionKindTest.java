package io.resoto.worker.aws.kinds.base;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AwsRegionKindTest {

  @Test
  void theGlobalRegionAndTheRealRegionWithTheSameIdAreTwoNodes() {
    Node global = AwsRegionKind.node("111111111111", "us-east-1", "global");
    Node real = AwsRegionKind.node("111111111111", "us-east-1", "us-east-1");

    assertThat(global.resourceId()).isEqualTo(real.resourceId()).isEqualTo("us-east-1");
    assertThat(global.id()).isNotEqualTo(real.id());
    assertThat(global.name()).isEqualTo("global");
    assertThat(global.idKeyExtra()).containsExactly("global");
    assertThat(real.keyParts()).containsExactly("aws_region", "aws", "111111111111", "us-east-1", "undefined",
        "us-east-1", "us-east-1");
    assertThat(real.ctime()).isEqualTo(Instant.parse("2006-03-19T00:00:00Z"));
  }

  @Test
  void regionIdsAreStable() {
    assertThat(AwsRegionKind.node("1", "eu-central-1", "eu-central-1").id())
        .isEqualTo(AwsRegionKind.node("1", "eu-central-1", "eu-central-1").id());
  }
}
