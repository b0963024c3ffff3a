package io.resoto.worker.aws.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.KindRegistry;
import io.resoto.worker.awssim.CallCounters;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind's {@link AwsKind#apiCalls()} is exactly what it calls: each kind is collected alone
 * against the demo estate, and the operations the simulator received beyond those of a collect
 * without kinds (credentials, regions) are compared with the declared list. So the coverage page
 * and a read-only policy built from the declarations list no call too few and none too many, and
 * the demo estate exercises every call a kind can make. A call the engine makes for every collect
 * anyway (DescribeRegions for the regions) may be declared by the kind it serves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KindApiCallsTest extends KindTestHarness {

  /** Signing names whose IAM action prefix differs. */
  private static final Map<String, String> IAM_PREFIX = Map.of("monitoring", "cloudwatch");

  /** Calls of the engine that the harness does not make: its region list is fixed, not described. */
  private static final Set<String> ENGINE_CALLS = Set.of("ec2:DescribeRegions");

  private Map<String, Long> baseline;

  @BeforeAll
  void measureTheEngineAlone() throws Exception {
    baseline = callsOf();
  }

  static Stream<AwsKind> kinds() {
    return KindRegistry.kinds().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("kinds")
  void declaredCallsAreTheCallsMade(AwsKind kind) throws Exception {
    Map<String, Long> calls = callsOf(kind);
    Set<String> made = new TreeSet<>();
    calls.forEach((op, n) -> {
      if (n > baseline.getOrDefault(op, 0L)) {
        made.add(op);
      }
    });
    assertThat(kind.apiCalls()).as("%s declares its calls", kind.name()).isNotEmpty();
    assertThat(kind.apiCalls()).as("%s.apiCalls() lists each call once", kind.name()).doesNotHaveDuplicates();
    // a call the engine makes for every collect may be declared by the kind it serves without showing as extra
    Set<String> allowed = new TreeSet<>(made);
    kind.apiCalls().stream().filter(c -> baseline.containsKey(c) || ENGINE_CALLS.contains(c)).forEach(allowed::add);
    assertThat(kind.apiCalls()).as("%s.apiCalls() against what the demo collect of the kind alone called: %s",
        kind.name(), made).containsAll(made).isSubsetOf(allowed);
  }

  private Map<String, Long> callsOf(AwsKind... kinds) throws Exception {
    CallCounters counters = sim.aws().counters();
    counters.reset();
    collect(kinds);
    Map<String, Long> out = new TreeMap<>();
    counters.snapshot().forEach((op, stats) -> {
      int colon = op.indexOf(':');
      String service = op.substring(0, colon);
      out.merge(IAM_PREFIX.getOrDefault(service, service) + op.substring(colon), stats.calls(), Long::sum);
    });
    return out;
  }
}
