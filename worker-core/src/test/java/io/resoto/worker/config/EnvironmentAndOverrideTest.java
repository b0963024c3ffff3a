package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.load;
import static io.resoto.worker.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.spi.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentAndOverrideTest {

  @Test
  void environmentSetsWorkerKeysConvertingStrings() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("RESOTOWORKER_TIMEOUT", "60");
    env.put("RESOTOWORKER_COLLECTOR", "example, aws");
    env.put("RESOTOWORKER_FORK_PROCESS", "no");
    env.put("RESOTOWORKER_CLEANUP", "YES");
    env.put("RESOTOWORKER_DEBUG_DUMP_JSON", "1");
    env.put("RESOTOWORKER_NO_TLS", "True");
    env.put("RESOTOWORKER_SCHEDULE", "NULL");
    env.put("RESOTOWORKER_GRAPH_MERGE_KIND", "cloud");
    env.put("RESOTOWORKER_MAX_RESOURCES_PER_ACCOUNT", "50");
    LoadedConfig config = load("", env);
    ResotoWorkerConfig c = config.worker();

    assertThat(c.timeout()).isEqualTo(60);
    assertThat(c.collector()).containsExactly("example", "aws");
    assertThat(c.forkProcess()).isFalse();
    assertThat(c.cleanup()).isTrue();
    assertThat(c.debugDumpJson()).isTrue();
    assertThat(c.noTls()).isTrue();
    assertThat(c.schedule()).isNull();
    assertThat(c.graphMergeKind()).isEqualTo(GraphMergeKind.CLOUD);
    assertThat(c.maxResourcesPerAccount()).isEqualTo(50);
    assertThat(config.sourceOf("resotoworker.timeout")).isEqualTo("env RESOTOWORKER_TIMEOUT");
    assertThat(config.sourceOf("resotoworker.collector[1]")).isEqualTo("env RESOTOWORKER_COLLECTOR");
    assertThat(config.ignoredEnvironment()).isEmpty();
  }

  @Test
  void emptyEnvironmentValueIsAnEmptyList() throws Exception {
    assertThat(load("", Map.of("RESOTOWORKER_COLLECTOR", "")).worker().collector()).isEmpty();
  }

  @Test
  void environmentAddsMapEntriesToThoseOfTheFile() throws Exception {
    LoadedConfig config =
        load(
            "resotoworker:\n  files_in_home_dir:\n    .netrc: from-file\n",
            Map.of("RESOTOWORKER_FILES_IN_HOME_DIR__token", "from-env"));
    assertThat(config.worker().filesInHomeDir())
        .containsExactly(
            Map.entry(".netrc", Secret.of("from-file")), Map.entry("token", Secret.of("from-env")));
    assertThat(config.sourceOf("resotoworker.files_in_home_dir.token"))
        .isEqualTo("env RESOTOWORKER_FILES_IN_HOME_DIR__token");
    assertThat(config.sourceOf("resotoworker.files_in_home_dir..netrc")).isEqualTo("config.yaml:3:13");
  }

  @Test
  void environmentCannotSetMapsAsAWholeOrRecords() {
    assertThat(
            problems(
                "",
                Map.of(
                    "RESOTOWORKER_FILES_IN_HOME_DIR", "x",
                    "RESOTOWORKER_WRITE_FILES_TO_HOME_DIR", "y",
                    "RESOTOWORKER_WEB_PORT", "http")))
        .containsExactly(
            "env RESOTOWORKER_FILES_IN_HOME_DIR: resotoworker.files_in_home_dir: cannot be set as"
                + " a whole from the environment; set single entries with"
                + " RESOTOWORKER_FILES_IN_HOME_DIR__<KEY>",
            "env RESOTOWORKER_WEB_PORT: resotoworker.web_port: expected an integer, got 'http'",
            "env RESOTOWORKER_WRITE_FILES_TO_HOME_DIR: resotoworker.write_files_to_home_dir:"
                + " cannot be set from the environment; use the config file");
  }

  @Test
  void environmentBooleansAreLimitedToKnownWords() {
    assertThat(problems("", Map.of("RESOTOWORKER_CLEANUP", "maybe")))
        .containsExactly(
            "env RESOTOWORKER_CLEANUP: resotoworker.cleanup: expected true or false, got 'maybe'");
  }

  @Test
  void pluginSectionFromEnvironmentAndOverride() throws Exception {
    LoadedConfig fromEnv =
        load(
            "",
            Map.of(
                "RESOTOWORKER_EXAMPLE__ACCOUNTS", "3",
                "RESOTOWORKER_EXAMPLE__REGIONS", "eu-west-1,us-west-2",
                "RESOTOWORKER_EXAMPLE__TOKEN", "tok"));
    assertThat(fromEnv.section("example", ExampleSection.class))
        .isEqualTo(new ExampleSection(3, Secret.of("tok"), List.of("eu-west-1", "us-west-2")));
    assertThat(fromEnv.sourceOf("example.accounts")).isEqualTo("env RESOTOWORKER_EXAMPLE__ACCOUNTS");

    LoadedConfig fromOverride = load("", Map.of(), "example.accounts=3", "example.regions=");
    assertThat(fromOverride.section("example", ExampleSection.class))
        .isEqualTo(new ExampleSection(3, null, List.of()));
    assertThat(fromOverride.sourceOf("example.accounts")).isEqualTo("--override example.accounts=3");
  }

  @Test
  void overridesSetKeysAndMapEntriesWithDotsInTheirKey() throws Exception {
    LoadedConfig config =
        load(
            "",
            Map.of(),
            "resotoworker.timeout=60",
            "resotoworker.collector=a,b",
            "resotoworker.files_in_home_dir..aws/credentials=[default]",
            "resotoworker.web_host=0.0.0.0");
    ResotoWorkerConfig c = config.worker();
    assertThat(c.timeout()).isEqualTo(60);
    assertThat(c.collector()).containsExactly("a", "b");
    assertThat(c.filesInHomeDir())
        .containsExactly(Map.entry(".aws/credentials", Secret.of("[default]")));
    assertThat(c.webHost()).isEqualTo("0.0.0.0");
    assertThat(config.sourceOf("resotoworker.collector[0]"))
        .isEqualTo("--override resotoworker.collector=a,b");
    assertThat(config.sourceOf("resotoworker.files_in_home_dir..aws/credentials"))
        .isEqualTo("--override resotoworker.files_in_home_dir..aws/credentials=********");
  }

  @Test
  void laterOverrideWins() throws Exception {
    assertThat(
            load("", Map.of(), "resotoworker.timeout=60", "resotoworker.timeout=70")
                .worker()
                .timeout())
        .isEqualTo(70);
  }

  @Test
  void badOverridesAreProblemsNamingTheOverride() {
    assertThat(
            problems(
                "",
                Map.of(),
                "resotoworker.timeout",
                "aws.region=x",
                "resotoworker.timout=5",
                "resotoworker.timeout.x=1",
                "resotoworker.write_files_to_home_dir=x",
                "resotoworker.files_in_home_dir=x",
                "timeout=5"))
        .containsExactly(
            "--override resotoworker.timeout: expected section.key=value",
            "--override aws.region=********: aws: unknown section 'aws' (known sections:"
                + " resotoworker, example)",
            "--override resotoworker.timout=********: resotoworker.timout: unknown key 'timout';"
                + " did you mean 'timeout'?",
            "--override resotoworker.timeout.x=********: resotoworker.timeout.x:"
                + " 'resotoworker.timeout' is not a map, so it has no entry 'x'",
            "--override resotoworker.write_files_to_home_dir=********:"
                + " resotoworker.write_files_to_home_dir: cannot be set from an override; use the"
                + " config file",
            "--override resotoworker.files_in_home_dir=********: resotoworker.files_in_home_dir:"
                + " cannot be set as a whole from an override; set single entries with"
                + " resotoworker.files_in_home_dir.<key>=<value>",
            "--override timeout=********: expected section.key=value");
  }

  @Test
  void precedenceIsDefaultsThenFileThenEnvironmentThenOverrides() throws Exception {
    LoadedConfig config =
        load(
            "resotoworker:\n  timeout: 100\n  graph: filegraph\n  pool_size: 3\n",
            Map.of("RESOTOWORKER_TIMEOUT", "200", "RESOTOWORKER_GRAPH", "envgraph"),
            "resotoworker.timeout=300");
    ResotoWorkerConfig c = config.worker();
    assertThat(c.timeout()).isEqualTo(300);
    assertThat(c.graph()).isEqualTo("envgraph");
    assertThat(c.poolSize()).isEqualTo(3);
    assertThat(c.graphSenderPoolSize()).isEqualTo(5);
    assertThat(config.sourceOf("resotoworker.timeout"))
        .isEqualTo("--override resotoworker.timeout=300");
    assertThat(config.sourceOf("resotoworker.graph")).isEqualTo("env RESOTOWORKER_GRAPH");
    assertThat(config.sourceOf("resotoworker.pool_size")).isEqualTo("config.yaml:4:14");
    assertThat(config.sourceOf("resotoworker.graph_sender_pool_size")).isEqualTo("default");
  }

  @Test
  void higherLayerReplacesAListWithItsElementSources() throws Exception {
    LoadedConfig config =
        load(
            "resotoworker:\n  collector: [a, b, c]\n",
            Map.of("RESOTOWORKER_COLLECTOR", "x"));
    assertThat(config.worker().collector()).containsExactly("x");
    assertThat(config.sourceOf("resotoworker.collector[2]")).isEqualTo("env RESOTOWORKER_COLLECTOR");
  }

  @Test
  void ignoredEnvironmentListsUnusedNamesButNotKubernetesServiceLinks() throws Exception {
    Map<String, String> env = new HashMap<>();
    env.put("RESOTOWORKER_PSK", "changeme");
    env.put("RESOTOWORKER_TIMEOT", "5");
    env.put("RESOTOWORKER_EXAMPLE__NOPE", "1");
    env.put("RESOTOWORKER_TIMEOUT__X", "1");
    env.put("RESOTOWORKER_PORT", "tcp://10.0.0.1:9956");
    env.put("RESOTOWORKER_PORT_9956_TCP", "tcp://10.0.0.1:9956");
    env.put("RESOTOWORKER_PORT_9956_TCP_ADDR", "10.0.0.1");
    env.put("RESOTOWORKER_SERVICE_HOST", "10.0.0.1");
    env.put("RESOTOWORKER_SERVICE_PORT_HTTPS", "9956");
    env.put("RESOTOWORKER_WEB_PORT", "9000");
    env.put("HOME", "/root");
    LoadedConfig config = load("", env);

    assertThat(config.ignoredEnvironment())
        .containsExactly(
            "RESOTOWORKER_EXAMPLE__NOPE",
            "RESOTOWORKER_PSK",
            "RESOTOWORKER_TIMEOT",
            "RESOTOWORKER_TIMEOUT__X");
    assertThat(config.worker().webPort()).isEqualTo(9000);
  }
}
