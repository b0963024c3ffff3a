package io.resoto.worker.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.graph.Node;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountGraphTest {

  private static Node account(String id, Object users) {
    return Node.builder("test_account", id).cloud("test").account(id).property("users", users).build();
  }

  @Test
  void theAccountCanBeReplacedByAFullerViewOfItself() {
    AccountGraph g = new AccountGraph(account("1", null), Instant.EPOCH);
    Node region = g.graph().add(Node.builder("test_region", "r").cloud("test").account("1").build());
    g.graph().addEdge(g.account(), region);

    Node fuller = account("1", 3);
    g.replaceAccount(fuller);

    assertThat(g.account()).isSameAs(fuller);
    assertThat(g.graph().node(fuller.id())).containsSame(fuller);
    assertThat(g.graph().nodeCount()).isEqualTo(2);
    assertThat(g.graph().validate()).isEmpty();
  }

  @Test
  void anotherAccountIsRefused() {
    AccountGraph g = new AccountGraph(account("1", null), Instant.EPOCH);
    assertThatThrownBy(() -> g.replaceAccount(account("2", null)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not the same account");
    assertThat(g.account().resourceId()).isEqualTo("1");
  }
}
