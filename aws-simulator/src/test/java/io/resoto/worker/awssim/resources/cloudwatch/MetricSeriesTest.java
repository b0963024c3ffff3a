package io.resoto.worker.awssim.resources.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class MetricSeriesTest {

  private static MetricSeries parse(String yaml) {
    return MetricSeries.parse(new Yaml().load(yaml), "s[0]");
  }

  @Test
  void valuesRepeatOnMultiplesOfThePeriodSinceTheEpoch() {
    MetricSeries s = parse("{Namespace: N, MetricName: M, Period: 60, Values: [1, 2, 3], Dimensions: [{Name: b, Value: y},"
        + " {Name: a, Value: x}]}");
    assertThat(s.key()).isEqualTo(new MetricSeries.Key("N", "M", Map.of("a", "x", "b", "y")));
    List<String> points = new ArrayList<>();
    // 120 s is k = 2: Values[2]; the window's end is exclusive
    s.forEach(Instant.ofEpochSecond(100), Instant.ofEpochSecond(300), (t, v) -> points.add(t + "=" + v));
    assertThat(points).containsExactly("120=3.0", "180=1.0", "240=2.0");
  }

  @Test
  void startAndEndBoundTheSeries() {
    MetricSeries s = parse("{Namespace: N, MetricName: M, Period: 60, Values: [1], Start: '1970-01-01T00:02:00Z',"
        + " End: '1970-01-01T00:04:00Z'}");
    List<Long> times = new ArrayList<>();
    s.forEach(Instant.EPOCH, Instant.ofEpochSecond(600), (t, v) -> times.add(t));
    assertThat(times).containsExactly(120L, 180L);
  }

  @Test
  void problemsNameThePath() {
    assertThatThrownBy(() -> parse("{Namespace: N, MetricName: M}")).hasMessage(
        "s[0].Values: expected a non-empty list of numbers");
    assertThatThrownBy(() -> parse("{Namespace: N, Values: [1]}")).hasMessage("s[0].MetricName: required");
    assertThatThrownBy(() -> parse("{Namespace: N, MetricName: M, Values: [1], Period: 0}")).hasMessage(
        "s[0].Period: expected a positive whole number of seconds, got 0");
    assertThatThrownBy(() -> parse("{Namespace: N, MetricName: M, Values: [1, x]}")).hasMessage(
        "s[0].Values[1]: expected a number, got x");
    assertThatThrownBy(() -> parse("{Namespace: N, MetricName: M, Values: [1], Colour: red}")).hasMessageStartingWith(
        "s[0].Colour: unknown key (expected one of [Dimensions, End, MetricName, Namespace, Period, Start, Unit,"
            + " Values])");
    assertThatThrownBy(() -> parse("{Namespace: N, MetricName: M, Values: [1], End: soon}")).hasMessageStartingWith(
        "s[0].End: expected an ISO-8601 time");
  }
}
