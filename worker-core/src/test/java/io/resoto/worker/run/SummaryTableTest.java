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

  @Test
  void findingsArePrintedPerProviderAfterTheKinds() {
    RunSummary s = new RunSummary("r1", "test", "2026-11-23T12:00:00Z", "2026-11-23T12:00:01Z", 1,
        RunStatus.COMPLETE, List.of("aws"), false, List.of(), List.of(), Map.of("aws_ec2_instance", 2L), List.of(),
        List.of(), 2, 0, null, Map.of("ssm", 4L));

    String text = SummaryTable.render(s);

    assertThat(text).contains("FINDINGS (assessments on nodes)").containsPattern("\\n  ssm +4\\n");
    assertThat(text.indexOf("aws_ec2_instance")).isLessThan(text.indexOf("FINDINGS"));
    RunSummary none = new RunSummary("r1", "test", "2026-11-23T12:00:00Z", "2026-11-23T12:00:01Z", 1,
        RunStatus.COMPLETE, List.of("aws"), false, List.of(), List.of(), Map.of(), List.of(), List.of(), 0, 0, null);
    assertThat(SummaryTable.render(none)).doesNotContain("FINDINGS");
  }
}
