package io.resoto.worker.awssim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.CloudWatchException;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataRequest;
import software.amazon.awssdk.services.cloudwatch.model.GetMetricDataResponse;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataResult;
import software.amazon.awssdk.services.cloudwatch.model.ScanBy;
import software.amazon.awssdk.services.cloudwatch.model.StatusCode;

/** GetMetricData from the estate's metric series, through the real CloudWatch client. */
class CloudWatchMetricsTest {

  private static final String ESTATE = """
      accounts:
        - {id: "111111111111", name: one, regions: [us-east-1, eu-west-1]}
      principals:
        - {account: "111111111111", user: u, access_key_id: AKIAMETRICS000000001, secret_access_key: s3cr3t-metrics}
      settings: {metric_datapoints_per_page: %d}
      resources:
        "111111111111":
          us-east-1:
            cloudwatch:
              MetricSeries:
                - {Namespace: AWS/EC2, MetricName: CPUUtilization, Dimensions: [{Name: InstanceId, Value: i-1}],
                   Unit: Percent, Period: 300, Values: [10, 30, 20]}
                - {Namespace: AWS/S3, MetricName: BucketSizeBytes, Period: 60, Values: [5],
                   Dimensions: [{Name: StorageType, Value: StandardStorage}, {Name: BucketName, Value: b}]}
                - {Namespace: AWS/EBS, MetricName: VolumeReadOps, Dimensions: [{Name: VolumeId, Value: vol-1}],
                   Period: 3600, Values: [7], Start: "2024-06-01T02:00:00Z", End: "2024-06-01T05:00:00Z"}
      """;
  /** 12:00 UTC: a whole number of every period used here. */
  private static final Instant NOON = Instant.parse("2024-06-01T12:00:00Z");

  private static Simulation sim;
  private static Simulation smallPages;
  private static CloudWatchClient cw;
  private static CloudWatchClient cwSmall;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.parse(ESTATE.formatted(100_800), "metrics"));
    smallPages = Simulation.start(Estate.parse(ESTATE.formatted(5), "metrics-small-pages"));
    cw = client(sim);
    cwSmall = client(smallPages);
  }

  private static CloudWatchClient client(Simulation s) {
    return SimSupport.client(CloudWatchClient.builder(), s.endpoint(),
        AwsBasicCredentials.create("AKIAMETRICS000000001", "s3cr3t-metrics"), false);
  }

  @AfterAll
  static void stop() {
    cw.close();
    cwSmall.close();
    sim.close();
    smallPages.close();
  }

  private static MetricDataQuery query(String id, String namespace, String metric, Map<String, String> dims,
      int period, String stat, String unit) {
    return MetricDataQuery.builder().id(id).metricStat(s -> s.period(period).stat(stat).unit(unit)
        .metric(m -> m.namespace(namespace).metricName(metric)
            .dimensions(dims.entrySet().stream().map(e -> software.amazon.awssdk.services.cloudwatch.model.Dimension
                .builder().name(e.getKey()).value(e.getValue()).build()).toList()))).build();
  }

  private static MetricDataQuery cpu(String id, int period, String stat) {
    return query(id, "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1"), period, stat, "Percent");
  }

  private static GetMetricDataResponse get(CloudWatchClient client, Consumer<GetMetricDataRequest.Builder> req) {
    return client.getMetricData(b -> req.accept(b.startTime(NOON.minusSeconds(3600)).endTime(NOON)));
  }

  private static Map<String, MetricDataResult> byId(GetMetricDataResponse r) {
    Map<String, MetricDataResult> out = new LinkedHashMap<>();
    r.metricDataResults().forEach(m -> out.put(m.id(), m));
    return out;
  }

  @Test
  void eachStatisticAggregatesTheRawDatapointsOfItsBucket() {
    Map<String, MetricDataResult> r = byId(get(cw, b -> b.metricDataQueries(cpu("mn", 3600, "Minimum"),
        cpu("av", 3600, "Average"), cpu("mx", 3600, "Maximum"), cpu("sm", 3600, "Sum"),
        cpu("cn", 3600, "SampleCount"))));
    // 12 raw datapoints in the hour, four cycles of 10, 30, 20; one bucket starting at StartTime
    assertThat(r.get("mn").values()).containsExactly(10.0);
    assertThat(r.get("av").values()).containsExactly(20.0);
    assertThat(r.get("mx").values()).containsExactly(30.0);
    assertThat(r.get("sm").values()).containsExactly(240.0);
    assertThat(r.get("cn").values()).containsExactly(12.0);
    assertThat(r.get("mn").timestamps()).containsExactly(NOON.minusSeconds(3600));
    assertThat(r.get("mn").label()).isEqualTo("CPUUtilization");
    assertThat(r.get("mn").statusCode()).isEqualTo(StatusCode.COMPLETE);
  }

  @Test
  void bucketsStartAtTheStartTimeAndScanByOrdersThem() {
    // 11:02:30 is rounded down to 11:02; 5-minute buckets from there
    Instant start = Instant.parse("2024-06-01T11:02:30Z");
    GetMetricDataResponse desc = cw.getMetricData(b -> b.startTime(start).endTime(start.plusSeconds(900))
        .metricDataQueries(cpu("q", 300, "Maximum")));
    // raw datapoints at 11:05, 11:10, 11:15 (epoch multiples of 300): k = t / 300
    long k = Instant.parse("2024-06-01T11:05:00Z").getEpochSecond() / 300;
    double[] pattern = {10, 30, 20};
    List<Double> expected = new ArrayList<>();
    for (long i = k + 2; i >= k; i--) {
      expected.add(pattern[(int) (i % 3)]);
    }
    assertThat(desc.metricDataResults().get(0).timestamps()).containsExactly(Instant.parse("2024-06-01T11:12:00Z"),
        Instant.parse("2024-06-01T11:07:00Z"), Instant.parse("2024-06-01T11:02:00Z"));
    assertThat(desc.metricDataResults().get(0).values()).containsExactlyElementsOf(expected);
    GetMetricDataResponse asc = cw.getMetricData(b -> b.startTime(start).endTime(start.plusSeconds(900))
        .scanBy(ScanBy.TIMESTAMP_ASCENDING).metricDataQueries(cpu("q", 300, "Maximum")));
    assertThat(asc.metricDataResults().get(0).timestamps()).containsExactly(Instant.parse("2024-06-01T11:02:00Z"),
        Instant.parse("2024-06-01T11:07:00Z"), Instant.parse("2024-06-01T11:12:00Z"));
  }

  @Test
  void unknownMetricsOtherUnitsAndEmptyBucketsGiveNoDatapoints() {
    Map<String, MetricDataResult> r = byId(get(cw, b -> b.metricDataQueries(
        query("other", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-2"), 300, "Average", "Percent"),
        query("unit", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1"), 300, "Average", "Count"),
        query("dims", "AWS/S3", "BucketSizeBytes", Map.of("BucketName", "b", "StorageType", "StandardStorage"),
            60, "Average", null),
        // 1-minute buckets of a 5-minute series: only every fifth bucket has data
        query("sparse", "AWS/EC2", "CPUUtilization", Map.of("InstanceId", "i-1"), 60, "Average", null),
        cpu("hidden", 300, "Average").toBuilder().returnData(false).build())));
    assertThat(r.keySet()).containsExactly("other", "unit", "dims", "sparse");
    assertThat(r.get("other").values()).isEmpty();
    assertThat(r.get("other").statusCode()).isEqualTo(StatusCode.COMPLETE);
    assertThat(r.get("unit").values()).isEmpty();
    // dimensions match whatever their order
    assertThat(r.get("dims").values()).hasSize(60).containsOnly(5.0);
    assertThat(r.get("sparse").values()).hasSize(12);
  }

  @Test
  void aBoundedSeriesHasDataOnlyBetweenStartAndEnd() {
    GetMetricDataResponse r = cw.getMetricData(b -> b.startTime(NOON.minusSeconds(86400)).endTime(NOON)
        .metricDataQueries(query("r", "AWS/EBS", "VolumeReadOps", Map.of("VolumeId", "vol-1"), 3600, "Sum", "Count")));
    assertThat(r.metricDataResults().get(0).timestamps()).containsExactly(Instant.parse("2024-06-01T04:00:00Z"),
        Instant.parse("2024-06-01T03:00:00Z"), Instant.parse("2024-06-01T02:00:00Z"));
  }

  @Test
  void pagesEndAfterThePageSizeAndNextTokenGoesOnWithinAQuery() {
    List<MetricDataQuery> queries = List.of(cpu("first", 300, "Average"), cpu("second", 300, "Maximum"));
    GetMetricDataRequest req = GetMetricDataRequest.builder().startTime(NOON.minusSeconds(3600)).endTime(NOON)
        .metricDataQueries(queries).build();
    smallPages.aws().counters().reset();
    List<GetMetricDataResponse> pages = cwSmall.getMetricDataPaginator(req).stream().toList();
    // 2 x 12 datapoints, 5 a page
    assertThat(pages).hasSize(5);
    assertThat(smallPages.aws().counters().get("monitoring", "GetMetricData").calls()).isEqualTo(5);
    assertThat(pages.get(0).metricDataResults()).singleElement().satisfies(m -> {
      assertThat(m.id()).isEqualTo("first");
      assertThat(m.values()).hasSize(5);
      assertThat(m.statusCode()).isEqualTo(StatusCode.PARTIAL_DATA);
    });
    // page 3 ends "first" (2 left) and starts "second" (3)
    assertThat(pages.get(2).metricDataResults()).extracting(MetricDataResult::id, m -> m.values().size(),
        MetricDataResult::statusCode).containsExactly(org.assertj.core.groups.Tuple.tuple("first", 2,
            StatusCode.COMPLETE), org.assertj.core.groups.Tuple.tuple("second", 3, StatusCode.PARTIAL_DATA));
    assertThat(pages.get(4).nextToken()).isNull();
    // the pages together are exactly the unpaged answer
    Map<String, List<Double>> merged = new LinkedHashMap<>();
    Map<String, List<Instant>> times = new LinkedHashMap<>();
    for (GetMetricDataResponse p : pages) {
      for (MetricDataResult m : p.metricDataResults()) {
        merged.computeIfAbsent(m.id(), k -> new ArrayList<>()).addAll(m.values());
        times.computeIfAbsent(m.id(), k -> new ArrayList<>()).addAll(m.timestamps());
      }
    }
    Map<String, MetricDataResult> whole = byId(cw.getMetricData(req));
    assertThat(merged.get("first")).isEqualTo(whole.get("first").values());
    assertThat(merged.get("second")).isEqualTo(whole.get("second").values());
    assertThat(times.get("second")).isEqualTo(whole.get("second").timestamps());
  }

  @Test
  void maxDatapointsOfTheRequestPagesToo() {
    GetMetricDataRequest req = GetMetricDataRequest.builder().startTime(NOON.minusSeconds(3600)).endTime(NOON)
        .maxDatapoints(7).metricDataQueries(cpu("q", 300, "Average")).build();
    assertThat(cw.getMetricDataPaginator(req).stream().map(p -> p.metricDataResults().get(0).values().size()))
        .containsExactly(7, 5);
  }

  @Test
  void aTokenOfAnotherRequestIsRefused() {
    GetMetricDataResponse first = cwSmall.getMetricData(b -> b.startTime(NOON.minusSeconds(3600)).endTime(NOON)
        .metricDataQueries(cpu("q", 300, "Average")));
    assertThat(first.nextToken()).isNotNull();
    assertThatThrownBy(() -> cwSmall.getMetricData(b -> b.startTime(NOON.minusSeconds(7200)).endTime(NOON)
        .nextToken(first.nextToken()).metricDataQueries(cpu("q", 300, "Average"))))
        .isInstanceOfSatisfying(CloudWatchException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidNextToken"));
  }

  @Test
  void invalidRequestsAreValidationErrors() {
    List<MetricDataQuery> many = new ArrayList<>();
    for (int i = 0; i < 501; i++) {
      many.add(cpu("q" + i, 300, "Average"));
    }
    assertValidationError(b -> b.metricDataQueries(many), "less than or equal to 500");
    assertThat(get(cw, b -> b.metricDataQueries(many.subList(0, 500))).metricDataResults()).hasSize(500);
    assertValidationError(b -> b.metricDataQueries(cpu("Upper", 300, "Average")), "Id is not valid");
    assertValidationError(b -> b.metricDataQueries(cpu("q", 300, "Average"), cpu("q", 60, "Sum")), "used twice");
    assertValidationError(b -> b.metricDataQueries(cpu("q", 90, "Average")), "must be 1, 5, 10, 30 or a multiple of 60");
    assertValidationError(b -> b.metricDataQueries(cpu("q", 300, "p99")), "The statistic p99");
    assertValidationError(b -> b.metricDataQueries(MetricDataQuery.builder().id("e").expression("SUM(METRICS())")
        .build()), "does not evaluate metric math");
    assertThatThrownBy(() -> cw.getMetricData(b -> b.startTime(NOON).endTime(NOON)
        .metricDataQueries(cpu("q", 300, "Average"))))
        .isInstanceOfSatisfying(CloudWatchException.class, e -> {
          assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
          assertThat(e.statusCode()).isEqualTo(400);
        });
  }

  private static void assertValidationError(Consumer<GetMetricDataRequest.Builder> req, String message) {
    assertThatThrownBy(() -> get(cw, req)).isInstanceOfSatisfying(CloudWatchException.class, e -> {
      assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationError");
      assertThat(e.statusCode()).isEqualTo(400);
      assertThat(e.awsErrorDetails().errorMessage()).contains(message);
    });
  }

  @Test
  void eachRegionHasItsOwnSeries() {
    try (CloudWatchClient eu = CloudWatchClient.builder().endpointOverride(sim.endpoint()).region(Region.EU_WEST_1)
        .credentialsProvider(() -> AwsBasicCredentials.create("AKIAMETRICS000000001", "s3cr3t-metrics"))
        .httpClientBuilder(software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient.builder()).build()) {
      GetMetricDataResponse r = eu.getMetricData(b -> b.startTime(NOON.minusSeconds(3600)).endTime(NOON)
          .metricDataQueries(cpu("q", 300, "Average")));
      assertThat(r.metricDataResults().get(0).values()).isEmpty();
    }
  }
}
