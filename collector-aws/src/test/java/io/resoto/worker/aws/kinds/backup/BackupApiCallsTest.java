package io.resoto.worker.aws.kinds.backup;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AwsKind;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Each Backup kind, collected alone against the demo estate, makes exactly the calls it declares. */
class BackupApiCallsTest extends BackupTestBase {

  @Test
  void everyKindMakesExactlyItsDeclaredCalls() throws Exception {
    for (AwsKind kind : backupKinds()) {
      sim.aws().counters().reset();
      collect(kind);
      Set<String> seen = new TreeSet<>();
      sim.aws().counters().snapshot().forEach((op, stats) -> {
        if (op.startsWith("backup:") && stats.calls() > 0) {
          seen.add(op);
        }
      });
      assertThat(seen).as(kind.name()).isEqualTo(new TreeSet<>(kind.apiCalls()));
    }
  }
}
