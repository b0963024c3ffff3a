package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.load;
import static io.resoto.worker.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResotoWorkerConfigValidationTest {

  /** One invalid key per case: key, YAML value, expected message. */
  static Stream<Arguments> singleKeyRules() {
    return Stream.of(
        Arguments.of("graph", "''", "must not be empty"),
        Arguments.of("graph", "null", "must not be empty"),
        Arguments.of("graph", "my_graph", "must not contain '_', got 'my_graph'"),
        Arguments.of("graph", "snapshot-1", "must not start with 'snapshot-', got 'snapshot-1'"),
        Arguments.of("timeout", "0", "must be at least 1, got 0"),
        Arguments.of("pool_size", "-1", "must be at least 0, got -1"),
        Arguments.of("graph_sender_pool_size", "0", "must be at least 1, got 0"),
        Arguments.of("graph_merge_kind", "null", "must be one of account, cloud, got null"),
        Arguments.of("max_resources_per_account", "0", "must be at least 1, got 0"),
        Arguments.of("cleanup_pool_size", "0", "must be at least 1, got 0"),
        Arguments.of("web_host", "''", "must not be empty"),
        Arguments.of("web_port", "65536", "must be between 0 and 65535, got 65536"),
        Arguments.of("web_port", "-1", "must be between 0 and 65535, got -1"),
        Arguments.of("web_path", "api", "must start with '/', got 'api'"),
        Arguments.of("web_path", "null", "must start with '/', got null"),
        Arguments.of(
            "schedule",
            "'0 * * *'",
            "not a valid cron expression (minute hour day-of-month month day-of-week): Cron"
                + " expression contains 4 parts but we expect one of [5]"),
        Arguments.of(
            "schedule",
            "'61 * * * *'",
            "not a valid cron expression (minute hour day-of-month month day-of-week): Failed to"
                + " parse cron expression. Value 61 not in range [0, 59]"),
        Arguments.of("data_dir", "''", "must not be empty"),
        Arguments.of("data_keep_runs", "0", "must be at least 1, got 0"),
        Arguments.of("shutdown_grace", "-1", "must be at least 0, got -1"),
        Arguments.of("spool_max_mb", "0", "must be at least 1, got 0"),
        Arguments.of("spool_max_age", "0", "must be at least 1, got 0"));
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("singleKeyRules")
  void ruleReportsKeyValueLineAndMessage(String key, String value, String message) {
    int column = 2 + key.length() + 2 + 1;
    assertThat(problems("resotoworker:\n  " + key + ": " + value + "\n"))
        .containsExactly("config.yaml:2:" + column + ": resotoworker." + key + ": " + message);
  }

  @Test
  void boundaryValuesAreValid() throws Exception {
    ResotoWorkerConfig c =
        load(
                "resotoworker:\n"
                    + "  timeout: 1\n"
                    + "  pool_size: 0\n"
                    + "  graph_sender_pool_size: 1\n"
                    + "  max_resources_per_account: 1\n"
                    + "  cleanup_pool_size: 1\n"
                    + "  web_port: 0\n"
                    + "  data_keep_runs: 1\n"
                    + "  shutdown_grace: 0\n"
                    + "  schedule: '*/5 0-6 * * mon-fri'\n")
            .worker();
    assertThat(c.poolSize()).isZero();
    assertThat(c.webPort()).isZero();
    assertThat(load("resotoworker:\n  web_port: 65535\n").worker().webPort()).isEqualTo(65535);
  }

  @Test
  void emptyCollectorNameIsReportedAtItsElement() {
    assertThat(problems("resotoworker:\n  collector: [example, '']\n"))
        .containsExactly("config.yaml:2:24: resotoworker.collector[1]: must not be empty");
  }

  @Test
  void collectorListedTwiceIsReportedAtTheSecondOccurrence() {
    assertThat(problems("resotoworker:\n  collector:\n    - example\n    - aws\n    - example\n"))
        .containsExactly(
            "config.yaml:5:7: resotoworker.collector[2]: collector 'example' is listed twice");
  }

  @Test
  void homeDirFilesMustStayInsideTheHomeDirectory() {
    assertThat(
            problems(
                "resotoworker:\n"
                    + "  files_in_home_dir:\n"
                    + "    /etc/passwd: x\n"
                    + "    .aws/credentials: fine\n"
                    + "  write_files_to_home_dir:\n"
                    + "    - path: ../outside\n"
                    + "      content: y\n"))
        .containsExactly(
            "config.yaml:6:13: resotoworker.write_files_to_home_dir[0].path: path must be relative"
                + " to the home directory and stay inside it, got '../outside'",
            "config.yaml:3:18: resotoworker.files_in_home_dir./etc/passwd: path must be relative"
                + " to the home directory and stay inside it, got '/etc/passwd'");
  }

  @Test
  void problemFromEnvironmentNamesTheVariable() {
    assertThat(problems("", Map.of("RESOTOWORKER_GRAPH", "snapshot-x")))
        .containsExactly(
            "env RESOTOWORKER_GRAPH: resotoworker.graph: must not start with 'snapshot-', got"
                + " 'snapshot-x'");
  }

  @Test
  void problemFromOverrideNamesTheOverride() {
    assertThat(problems("resotoworker:\n  timeout: 5\n", Map.of(), "resotoworker.timeout=0"))
        .containsExactly(
            "--override resotoworker.timeout=0: resotoworker.timeout: must be at least 1, got 0");
  }
}
