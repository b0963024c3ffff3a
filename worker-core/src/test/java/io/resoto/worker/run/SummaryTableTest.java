package io.resoto.worker.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTableTest {

  @Test
  void errorsAndSkipsAreListedByPluginAccountRegionAndKind() {
    List<CollectError> skipped = List.of(
        new CollectError("aws", "333333333333", "af-south-1", null, "opt-in"),
        new CollectError("aws", "111111111111", "me-south-1", null, "opt-in"),
        new CollectError("aws", "111111111111", "af-south-1", null, "opt-in"));
    List<CollectError> errors = List.of(
        new CollectError("aws", "222222222222", "us-east-1", "aws_vpc", "denied"),
        new CollectError(null, null, null, null, "sink down"));
    RunSummary s = new RunSummary("r1", "test", "2026-11-23T12:00:00Z", "2026-11-23T12:00:01Z", 1,
        RunStatus.PARTIAL, List.of("aws"), false, List.of(), List.of(), Map.of(), errors, skipped, 0, 0, null);

    String text = SummaryTable.render(s);

    assertThat(text.indexOf("sink down")).isLessThan(text.indexOf("222222222222 us-east-1"));
    assertThat(text.indexOf("111111111111 af-south-1")).isLessThan(text.indexOf("111111111111 me-south-1"));
    assertThat(text.indexOf("111111111111 me-south-1")).isLessThan(text.indexOf("333333333333 af-south-1"));
  }
}
