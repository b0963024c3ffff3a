package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.config.ConfigException;
import io.resoto.worker.config.ConfigLoader;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.config.ResotoWorkerConfig;
import io.resoto.worker.spi.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AwsConfigTest {

  private static final ConfigLoader LOADER = loader();

  private static ConfigLoader loader() {
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put("resotoworker", ResotoWorkerConfig.class);
    sections.put("aws", AwsConfig.class);
    return new ConfigLoader(sections);
  }

  private static AwsConfig load(String aws) throws ConfigException {
    return LOADER.load("aws:\n" + aws, "t.yaml", Map.of(), List.of()).section("aws", AwsConfig.class);
  }

  private static List<String> problems(String aws) {
    try {
      load(aws);
    } catch (ConfigException e) {
      return e.problems().stream().map(Object::toString).toList();
    }
    throw new AssertionError("expected problems");
  }

  @Test
  void theOriginalsDefaults() throws Exception {
    AwsConfig c = load("  {}\n");
    assertThat(c).isEqualTo(AwsConfig.DEFAULTS);
    assertThat(c.accessKeyId()).isNull();
    assertThat(c.role()).isNull();
    assertThat(c.profiles()).isNull();
    assertThat(c.region()).isNull();
    assertThat(c.scrapeOrg()).isFalse();
    assertThat(c.preferAccountAliasAsName()).isTrue();
    assertThat(c.accountPoolSize()).isEqualTo(Math.max(Runtime.getRuntime().availableProcessors(), 4));
    assertThat(c.resourcePoolSize()).isEqualTo(64);
    assertThat(c.resourcePoolTasksPerServiceDefault()).isEqualTo(20);
    assertThat(c.resourcePoolTasksPerService()).containsEntry("sagemaker", 6).containsEntry("elb", 6);
    assertThat(c.cloudwatchMetricsForAtimeMtimePeriod()).isEqualTo("60d");
    assertThat(c.cloudwatchMetricsForAtimeMtimeGranularity()).isEqualTo("1h");
    assertThat(c.collectUsageMetrics()).isTrue();
    assertThat(c.collectAccessEdges()).isTrue();
    assertThat(c.sessionDuration()).isEqualTo(3600);
    assertThat(c.retryMode()).isEqualTo("adaptive");
  }

  @Test
  void secretsAreSecrets() throws Exception {
    AwsConfig c = load("  access_key_id: AKIAEXAMPLE\n  secret_access_key: very-secret\n  external_id: ext\n");
    assertThat(c.secretAccessKey()).isEqualTo(Secret.of("very-secret"));
    assertThat(c.toString()).doesNotContain("very-secret").doesNotContain("AKIAEXAMPLE").doesNotContain("ext,");
  }

  @Test
  void eachValidationRule() {
    assertThat(problems("  access_key_id: AKIA\n"))
        .containsExactly("t.yaml:2:18: aws.access_key_id: access_key_id and secret_access_key go together: set both or neither");
    assertThat(problems("  assume_current: true\n")).singleElement().asString()
        .contains("aws.assume_current: needs do_not_scrape_current: true");
    assertThat(problems("  role: arn:aws:iam::12:role/x\n")).singleElement().asString()
        .contains("aws.role: not a role ARN");
    assertThat(problems("  scrape_org_role_arn: arn:nope\n")).singleElement().asString()
        .contains("aws.scrape_org_role_arn: not a role ARN");
    assertThat(problems("  account: ['123']\n")).singleElement().asString()
        .contains("aws.account[0]: an account id has 12 digits, got '123'");
    assertThat(problems("  profiles: []\n")).singleElement().asString().contains("aws.profiles: an empty list collects nothing");
    assertThat(problems("  session_duration: 100\n")).singleElement().asString()
        .contains("aws.session_duration: must be between 900 and 43200 seconds, got 100");
    assertThat(problems("  role_session_name: 'a b'\n")).singleElement().asString().contains("aws.role_session_name");
    assertThat(problems("  account_pool_size: 0\n")).singleElement().asString().contains("aws.account_pool_size: must be at least 1");
    assertThat(problems("  retry_mode: fast\n")).singleElement().asString().contains("aws.retry_mode: must be standard, adaptive or legacy");
    assertThat(problems("  endpoint_url: localhost\n")).singleElement().asString().contains("aws.endpoint_url: must be an http or https URL");
    assertThat(problems("  shard: 2/2\n")).containsExactly("t.yaml:2:10: aws.shard: the shard index must be"
        + " between 0 and 1 (shards are numbered from 0), got 2/2");
    assertThat(problems("  shard: 0/0\n")).singleElement().asString()
        .endsWith("aws.shard: the number of shards must be at least 1, got 0");
    assertThat(problems("  shard: half\n")).singleElement().asString()
        .endsWith("aws.shard: expected i/n (shard i of n, i from 0 to n-1) or <statefulset-pod-name>/n such as"
            + " resotoworker-1/2, got 'half'");
    assertThat(problems("  request_rate_limits: {ec2: 0}\n")).singleElement().asString()
        .contains("aws.request_rate_limits.ec2: must be a positive number");
    assertThat(problems("  cloudwatch_metrics_for_atime_mtime_period: two months\n")).singleElement().asString()
        .endsWith("aws.cloudwatch_metrics_for_atime_mtime_period: must be a duration such as 60d, 12h or 1d12h"
            + " (units w, d, h, m, s), got 'two months'");
    assertThat(problems("  cloudwatch_metrics_for_atime_mtime_period: 0d\n")).singleElement().asString()
        .endsWith("aws.cloudwatch_metrics_for_atime_mtime_period: must be longer than zero, got '0d'");
    assertThat(problems("  cloudwatch_metrics_for_atime_mtime_granularity: 90s\n")).singleElement().asString()
        .endsWith("aws.cloudwatch_metrics_for_atime_mtime_granularity: must be a whole number of minutes"
            + " (a CloudWatch period), got '90s'");
    assertThat(problems("  cloudwatch_metrics_for_atime_mtime_period: 30m\n")).singleElement().asString()
        .endsWith("aws.cloudwatch_metrics_for_atime_mtime_period: must not be shorter than"
            + " cloudwatch_metrics_for_atime_mtime_granularity ('1h'), got '30m'");
  }

  /** Found by the generated bad configs (BadConfigTest): these were accepted. */
  @Test
  void nanInfinityAndNonPositiveTaskCapsAreRefused() {
    assertThat(problems("  request_rate_limits: {ec2: .nan}\n")).singleElement().asString()
        .endsWith("aws.request_rate_limits.ec2: must be a positive number of requests per second, got NaN");
    assertThat(problems("  request_rate_limits: {default: 1e400}\n")).singleElement().asString()
        .endsWith("aws.request_rate_limits.default: must be a positive number of requests per second, got Infinity");
    assertThat(problems("  resource_pool_tasks_per_service: {elb: 0, ec2: -1}\n")).satisfiesExactlyInAnyOrder(
        p -> assertThat(p).matches("t\\.yaml:2:\\d+: aws\\.resource_pool_tasks_per_service\\.elb: must be at least 1, got 0"),
        p -> assertThat(p).matches("t\\.yaml:2:\\d+: aws\\.resource_pool_tasks_per_service\\.ec2: must be at least 1,"
            + " got -1"));
  }

  /** Found by the generated bad configs: a null retry_mode ended 'config validate' with a NullPointerException. */
  @Test
  void nullValuesAreAProblemOrEmpty() throws Exception {
    assertThat(problems("  retry_mode: null\n")).singleElement().asString()
        .endsWith("aws.retry_mode: must be standard, adaptive or legacy, got null");
    AwsConfig c = load("  collect: null\n  no_collect: null\n  scrape_exclude_account: null\n  scrape_org_ou: null\n"
        + "  scrape_org_exclude_ou: null\n  resource_pool_tasks_per_service: null\n");
    assertThat(c.collect()).isEmpty();
    assertThat(c.noCollect()).isEmpty();
    assertThat(c.scrapeExcludeAccount()).isEmpty();
    assertThat(c.scrapeOrgOu()).isEmpty();
    assertThat(c.scrapeOrgExcludeOu()).isEmpty();
    assertThat(c.resourcePoolTasksPerService()).isEmpty();
  }

  /** Found by the generated bad configs: a huge value made an error line of megabytes. */
  @Test
  void aHugeValueIsCutInTheMessage() {
    String huge = "x".repeat(100_000);
    String problem = problems("  retry_mode: " + huge + "\n").get(0).toString();
    assertThat(problem).endsWith("aws.retry_mode: must be standard, adaptive or legacy, got '" + "x".repeat(60) + "...'");
    assertThat(problems("  shard: " + huge + "\n").get(0).toString()).hasSizeLessThan(300);
  }

  @Test
  void theAtimeMtimeDurationsAreParsed() throws Exception {
    assertThat(AwsConfig.DEFAULTS.atimeMtimePeriod()).isEqualTo(java.time.Duration.ofDays(60));
    assertThat(AwsConfig.DEFAULTS.atimeMtimeGranularity()).isEqualTo(java.time.Duration.ofHours(1));
    AwsConfig c = load("  cloudwatch_metrics_for_atime_mtime_period: 2w\n"
        + "  cloudwatch_metrics_for_atime_mtime_granularity: 1h30m\n");
    assertThat(c.atimeMtimePeriod()).isEqualTo(java.time.Duration.ofDays(14));
    assertThat(c.atimeMtimeGranularity()).isEqualTo(java.time.Duration.ofMinutes(90));
  }

  @Test
  void theShardComesFromTheEnvironmentAsTheChartSetsIt() throws Exception {
    AwsConfig c = LOADER.load("", "t.yaml", Map.of("RESOTOWORKER_AWS__SHARD", "resotoworker-1/2"), List.of())
        .section("aws", AwsConfig.class);
    assertThat(c.shard()).isEqualTo("resotoworker-1/2");
    assertThat(c.accountShard()).isEqualTo(new io.resoto.worker.aws.account.AccountShard(1, 2));
    assertThat(AwsConfig.DEFAULTS.accountShard()).isEqualTo(io.resoto.worker.aws.account.AccountShard.ALL);
  }

  @Test
  void aRoleMayBeANameOrAnArn() throws Exception {
    assertThat(load("  role: ResotoAccess\n").role()).isEqualTo("ResotoAccess");
    assertThat(load("  role: arn:aws:iam::123456789012:role/ResotoAccess\n").role())
        .isEqualTo("arn:aws:iam::123456789012:role/ResotoAccess");
  }

  @Test
  void theSampleHoldsEveryKeyAtItsDefault() throws Exception {
    Path sample = Path.of("aws.yaml");
    String text = Files.readString(sample);
    LoadedConfig c = LOADER.load(text, sample.toString(), Map.of(), List.of());
    AwsConfig aws = c.section("aws", AwsConfig.class);
    // account_pool_size follows the machine's CPU count; everything else is the default as written
    assertThat(aws).usingRecursiveComparison().ignoringFields("accountPoolSize").isEqualTo(AwsConfig.DEFAULTS);
    for (var component : AwsConfig.class.getRecordComponents()) {
      String key = component.getName().replaceAll("([A-Z])", "_$1").toLowerCase();
      assertThat(text).as("the sample documents " + key).contains("\n  " + key + ":");
    }
  }

  @Test
  void unknownKeysAreRejected() {
    assertThatThrownBy(() -> load("  regions: [us-east-1]\n"))
        .isInstanceOf(ConfigException.class).hasMessageContaining("did you mean 'region'");
  }
}
