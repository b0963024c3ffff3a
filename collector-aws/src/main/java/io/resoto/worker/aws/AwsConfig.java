package io.resoto.worker.aws;

import io.resoto.worker.aws.account.AccountShard;
import io.resoto.worker.spi.ConfigProblems;
import io.resoto.worker.spi.Doc;
import io.resoto.worker.spi.Secret;
import io.resoto.worker.spi.ValidatedConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The {@code aws} config section: the original collector's 26 keys with their defaults, plus ours
 * (role ARN, ExternalId, session name and duration, OU filters, endpoint, retries, rate limits,
 * account shard).
 */
public record AwsConfig(
    @Doc("Access key id; null takes credentials from the environment, the shared files, or the"
        + " instance / container role.") Secret accessKeyId,
    @Doc("Secret access key belonging to access_key_id.") Secret secretAccessKey,
    @Doc("Role to assume in every collected account: a name (the ARN is built per account) or a"
        + " full role ARN.") String role,
    @Doc("Use role also where an account already names a role of its own.") boolean roleOverride,
    @Doc("Named profiles of the shared config/credentials files to collect, one account each; null"
        + " uses the other options.") List<String> profiles,
    @Doc("Account ids to collect by assuming role in each.") List<String> account,
    @Doc("Regions to collect; null or empty: every region DescribeRegions says is enabled.")
        List<String> region,
    @Doc("Collect every account of the organisation (with role).") boolean scrapeOrg,
    @Doc("A role ARN to assume for listing the organisation's accounts (a separate principal).")
        String scrapeOrgRoleArn,
    @Doc("Name accounts by their IAM alias first (then the organisation's name); false: the"
        + " other way round.") boolean preferAccountAliasAsName,
    @Doc("Name accounts by their profile.") boolean preferProfileAsAccountName,
    @Doc("Accepted for compatibility with the original; accounts are collected on threads.")
        boolean forkProcess,
    @Doc("Account ids left out of the organisation's accounts.") List<String> scrapeExcludeAccount,
    @Doc("With scrape_org: assume role in the current account too (needs do_not_scrape_current).")
        boolean assumeCurrent,
    @Doc("With scrape_org: do not collect the current account with its own credentials.")
        boolean doNotScrapeCurrent,
    @Doc("Accounts collected in parallel. Collecting waits on the API, so the default is not tied to"
        + " the cores alone: the number of cores, at least 4. Each account in flight holds its graph in"
        + " the heap (about 1 GB for an account of 100,000 resources): lower it for very large accounts"
        + " in a small heap.") int accountPoolSize,
    @Doc("Concurrent API tasks within one account.") int resourcePoolSize,
    @Doc("Concurrent API tasks per region and service within one account.")
        int resourcePoolTasksPerServiceDefault,
    @Doc("Per-service limits below resource_pool_tasks_per_service_default.")
        Map<String, Integer> resourcePoolTasksPerService,
    @Doc("Only kinds matching one of these globs are collected (e.g. aws_ec2_*); empty: all.")
        List<String> collect,
    @Doc("Kinds matching one of these globs are not collected; wins over collect.")
        List<String> noCollect,
    @Doc("How far back CloudWatch is asked for the last read and write of unattached EBS volumes"
        + " (their atime and mtime): a duration such as 60d, 12h or 1d12h (units w, d, h, m, s).")
        String cloudwatchMetricsForAtimeMtimePeriod,
    @Doc("The period of those CloudWatch queries, a whole number of minutes (e.g. 1h); the times"
        + " found are that precise.")
        String cloudwatchMetricsForAtimeMtimeGranularity,
    @Doc("Drop a whole account when one of its resources fails to collect (strict mode).")
        boolean discardAccountOnResourceError,
    @Doc("Collect CloudWatch usage metrics (CPU, network, disk, ...) into each node's usage section,"
        + " over the time since the previous run started (10 minutes to 2 hours; 1 hour on the"
        + " first run).") boolean collectUsageMetrics,
    @Doc("Compute IAM access edges.") boolean collectAccessEdges,
    @Doc("ExternalId passed when assuming role (the trust policy's sts:ExternalId condition).")
        Secret externalId,
    @Doc("Session name of assumed-role sessions, seen in CloudTrail.") String roleSessionName,
    @Doc("Lifetime of assumed-role sessions in seconds (900 to 43200); they are renewed before"
        + " they expire.") int sessionDuration,
    @Doc("With scrape_org: only accounts under these OU ids (nested OUs included); empty: all.")
        List<String> scrapeOrgOu,
    @Doc("With scrape_org: leave out accounts under these OU ids (nested OUs included).")
        List<String> scrapeOrgExcludeOu,
    @Doc("Endpoint for every AWS API (a simulator or LocalStack), called as is (S3 Control without"
        + " its account id host prefix); null: AWS itself.")
        String endpointUrl,
    @Doc("SDK retry mode: standard or adaptive (adaptive also slows down on throttling).")
        String retryMode,
    @Doc("Attempts per API call, the first included.") int maxAttempts,
    @Doc("Requests per second per account, region and service (token bucket); keys are service"
        + " names, 'default' applies to the rest.") Map<String, Double> requestRateLimits,
    @Doc("Collect only shard i of n of the accounts: i/n (i from 0 to n-1), or a StatefulSet pod"
        + " name and n such as resotoworker-1/2 (the ordinal is the index). An account belongs to"
        + " shard (account id mod n). null: every account.") String shard)
    implements ValidatedConfig {

  /**
   * The default of {@code account_pool_size}: the number of cores, at least 4. The original uses
   * the cores, at least 2; but an account's collection mostly waits on API latency and rate limits,
   * so on a machine with few cores that left accounts queued while the cores were idle.
   */
  static int defaultAccountPoolSize() {
    return Math.max(Runtime.getRuntime().availableProcessors(), 4);
  }

  /** The original's defaults, and ours for the new keys. */
  public static final AwsConfig DEFAULTS = new AwsConfig(
      null, null, null, false, null, null, null, false, null, true, false, true, List.of(), false,
      false, defaultAccountPoolSize(), 64, 20,
      sorted(Map.of("sagemaker", 6, "elb", 6)), List.of(), List.of(), "60d", "1h", false, true, true,
      null, "resoto-worker", 3600, List.of(), List.of(), null, "adaptive", 10,
      sorted(Map.ofEntries(Map.entry("default", 20.0), Map.entry("ec2", 20.0), Map.entry("iam", 10.0),
          Map.entry("organizations", 5.0), Map.entry("cloudwatch", 10.0),
          // services that throttle early: AWS's published limits, and what users of other tools hit
          Map.entry("route53", 5.0), Map.entry("apigateway", 8.0), Map.entry("logs", 8.0), Map.entry("ecs", 10.0),
          Map.entry("rds", 10.0), Map.entry("elb", 10.0))), null);

  private static <V> Map<String, V> sorted(Map<String, V> map) {
    return java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(map));
  }

  /**
   * A list or map written as null in the config means empty (as the original reads it), so the
   * collector never meets a null collection (found by the generated bad configs).
   */
  public AwsConfig {
    scrapeExcludeAccount = scrapeExcludeAccount == null ? List.of() : scrapeExcludeAccount;
    resourcePoolTasksPerService = resourcePoolTasksPerService == null ? Map.of() : resourcePoolTasksPerService;
    collect = collect == null ? List.of() : collect;
    noCollect = noCollect == null ? List.of() : noCollect;
    scrapeOrgOu = scrapeOrgOu == null ? List.of() : scrapeOrgOu;
    scrapeOrgExcludeOu = scrapeOrgExcludeOu == null ? List.of() : scrapeOrgExcludeOu;
  }

  @Override
  public void validate(ConfigProblems problems) {
    if ((accessKeyId == null) != (secretAccessKey == null)) {
      // reported at the key that is set, so the message points at a line of the file
      problems.add(accessKeyId != null ? "access_key_id" : "secret_access_key",
          "access_key_id and secret_access_key go together: set both or neither");
    }
    if (assumeCurrent && !doNotScrapeCurrent) {
      problems.add("assume_current", "needs do_not_scrape_current: true (the current account would be collected twice)");
    }
    if (role != null && role.startsWith("arn:") && !role.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
      problems.add("role", "not a role ARN: " + ConfigProblems.quote(role) + " (arn:aws:iam::<account>:role/<name>)");
    }
    if (scrapeOrgRoleArn != null && !scrapeOrgRoleArn.isBlank()
        && !scrapeOrgRoleArn.matches("arn:aws[a-z-]*:iam::\\d{12}:role/.+")) {
      problems.add("scrape_org_role_arn", "not a role ARN: " + ConfigProblems.quote(scrapeOrgRoleArn));
    }
    if (account != null) {
      for (int i = 0; i < account.size(); i++) {
        if (!account.get(i).matches("\\d{12}")) {
          problems.add("account[" + i + "]", "an account id has 12 digits, got " + ConfigProblems.quote(account.get(i)));
        }
      }
    }
    if (profiles != null && profiles.isEmpty()) {
      problems.add("profiles", "an empty list collects nothing; use null for the other credential options");
    }
    if (sessionDuration < 900 || sessionDuration > 43200) {
      problems.add("session_duration", "must be between 900 and 43200 seconds, got " + sessionDuration);
    }
    if (roleSessionName == null || !roleSessionName.matches("[\\w+=,.@-]{2,64}")) {
      problems.add("role_session_name", "2 to 64 characters of letters, digits and +=,.@_-, got " + ConfigProblems.quote(roleSessionName));
    }
    positive(problems, "account_pool_size", accountPoolSize);
    positive(problems, "resource_pool_size", resourcePoolSize);
    positive(problems, "resource_pool_tasks_per_service_default", resourcePoolTasksPerServiceDefault);
    positive(problems, "max_attempts", maxAttempts);
    // List.of(...).contains(null) throws: a null retry_mode ended the command with a NullPointerException
    if (retryMode == null || !List.of("standard", "adaptive", "legacy").contains(retryMode)) {
      problems.add("retry_mode", "must be standard, adaptive or legacy, got " + ConfigProblems.quote(retryMode));
    }
    if (endpointUrl != null && !endpointUrl.matches("https?://.+")) {
      problems.add("endpoint_url", "must be an http or https URL, got " + ConfigProblems.quote(endpointUrl));
    }
    Duration period = duration(problems, "cloudwatch_metrics_for_atime_mtime_period",
        cloudwatchMetricsForAtimeMtimePeriod);
    Duration granularity = duration(problems, "cloudwatch_metrics_for_atime_mtime_granularity",
        cloudwatchMetricsForAtimeMtimeGranularity);
    if (granularity != null && granularity.getSeconds() % 60 != 0) {
      problems.add("cloudwatch_metrics_for_atime_mtime_granularity", "must be a whole number of minutes"
          + " (a CloudWatch period), got " + ConfigProblems.quote(cloudwatchMetricsForAtimeMtimeGranularity));
    }
    if (period != null && granularity != null && period.compareTo(granularity) < 0) {
      problems.add("cloudwatch_metrics_for_atime_mtime_period", "must not be shorter than"
          + " cloudwatch_metrics_for_atime_mtime_granularity (" + ConfigProblems.quote(cloudwatchMetricsForAtimeMtimeGranularity)
          + "), got " + ConfigProblems.quote(cloudwatchMetricsForAtimeMtimePeriod));
    }
    try {
      AccountShard.parse(shard);
    } catch (IllegalArgumentException e) {
      problems.add("shard", e.getMessage());
    }
    if (requestRateLimits != null) {
      requestRateLimits.forEach((service, rate) -> {
        // NaN and infinity are numbers to YAML (.nan, .inf, 1e400), not rates
        if (rate == null || !(rate > 0) || rate.isInfinite()) {
          problems.add("request_rate_limits." + service, "must be a positive number of requests per second, got "
              + rate);
        }
      });
    }
    if (resourcePoolTasksPerService != null) {
      resourcePoolTasksPerService.forEach((service, tasks) -> {
        if (tasks == null || tasks < 1) {
          problems.add("resource_pool_tasks_per_service." + service, "must be at least 1, got " + tasks);
        }
      });
    }
  }

  /** The accounts this worker collects ({@code shard}); {@link AccountShard#ALL} when not set. */
  public AccountShard accountShard() {
    return AccountShard.parse(shard);
  }

  /** The look-back window of the atime/mtime queries ({@code cloudwatch_metrics_for_atime_mtime_period}). */
  public Duration atimeMtimePeriod() {
    return DurationText.parse(cloudwatchMetricsForAtimeMtimePeriod);
  }

  /** The period of the atime/mtime queries ({@code cloudwatch_metrics_for_atime_mtime_granularity}). */
  public Duration atimeMtimeGranularity() {
    return DurationText.parse(cloudwatchMetricsForAtimeMtimeGranularity);
  }

  /** The parsed duration, or null after adding a problem when it is not a positive duration. */
  private static Duration duration(ConfigProblems problems, String key, String text) {
    Duration d;
    try {
      d = DurationText.parse(text);
    } catch (IllegalArgumentException e) {
      problems.add(key, "must be a duration such as 60d, 12h or 1d12h (units w, d, h, m, s), got " + ConfigProblems.quote(text));
      return null;
    }
    if (d.isZero()) {
      problems.add(key, "must be longer than zero, got " + ConfigProblems.quote(text));
      return null;
    }
    return d;
  }

  private static void positive(ConfigProblems problems, String key, int value) {
    if (value < 1) {
      problems.add(key, "must be at least 1, got " + value);
    }
  }
}
