package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.LOADER;
import static io.resoto.worker.config.ConfigTestSupport.load;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.spi.Secret;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlOutputTest {

  @Test
  void defaultsYamlLoadsBackToTheDefaults() throws Exception {
    LoadedConfig config = load(LOADER.defaultsYaml());
    assertThat(config.worker()).isEqualTo(ResotoWorkerConfig.DEFAULTS);
    assertThat(config.section("example", ExampleSection.class)).isEqualTo(ExampleSection.DEFAULTS);
  }

  @Test
  void defaultsYamlDocumentsEveryKey() {
    List<String> lines = LOADER.defaultsYaml().lines().toList();
    assertThat(lines.get(0)).startsWith("# ");
    assertThat(lines).allSatisfy(line -> assertThat(line.length()).as(line).isLessThanOrEqualTo(100));
    assertThat(lines).contains("resotoworker:", "example:");
    for (RecordComponent component : ResotoWorkerConfig.class.getRecordComponents()) {
      String key = RecordSchema.snakeCase(component.getName());
      int index = -1;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith("  " + key + ":")) {
          index = i;
        }
      }
      assertThat(index).as(key).isGreaterThan(0);
      assertThat(lines.get(index - 1)).as("comment above " + key).startsWith("  # ");
    }
    assertThat(lines)
        .contains(
            "  # Timeout of a collect run, in seconds.",
            "  timeout: 10800",
            "  web_host: '::'",
            "  schedule: '0 * * * *'",
            "  data_dir: '~/.resotoworker/data'",
            "  graph_merge_kind: account",
            "  tempdir: null",
            "  collector: null",
            "  files_in_home_dir: {}");
  }

  @Test
  void toYamlRoundTripsAndQuotesWhatWouldReadDifferently() throws Exception {
    String yaml =
        "resotoworker:\n"
            + "  collector: ['true', '123', 'a: b', \"x\\ny\", \"it's\", '#c', 'null', '~',"
            + " '*star', '- d', 'tab\tx', '$x']\n"
            + "  graph: yes-graph\n"
            + "  timeout: 7\n"
            + "  pool_size: 0\n"
            + "  graph_merge_kind: cloud\n"
            + "  tempdir: 'null'\n"
            + "  max_resources_per_account: 3\n"
            + "  web_host: '::1'\n"
            + "  web_path: /a b/\n"
            + "  write_files_to_home_dir:\n"
            + "    - {path: a, content: b}\n"
            + "  files_in_home_dir: {'k: v': c}\n"
            + "  schedule: null\n"
            + "example:\n"
            + "  regions: []\n";
    LoadedConfig first = load(yaml);
    String out = first.toYaml(false);
    LoadedConfig back = load(out);

    ResotoWorkerConfig w = first.worker();
    ResotoWorkerConfig expected =
        new ResotoWorkerConfig(
            w.collector(), w.graph(), w.timeout(), w.poolSize(), w.graphSenderPoolSize(),
            w.forkProcess(), w.graphMergeKind(), w.debugDumpJson(), w.tempdir(),
            w.maxResourcesPerAccount(), w.cleanup(), w.cleanupPoolSize(), w.cleanupDryRun(),
            w.noTls(), w.webHost(), w.webPort(), w.webPath(),
            List.of(new HomeDirFile("a", Secret.of(Secret.REDACTED))),
            Map.of("k: v", Secret.of(Secret.REDACTED)),
            w.schedule(), w.dataDir(), w.dataKeepRuns(), w.shutdownGrace(), w.spoolMaxMb(), w.spoolMaxAge());
    assertThat(w.collector())
        .containsExactly(
            "true", "123", "a: b", "x\ny", "it's", "#c", "null", "~", "*star", "- d", "tab\tx",
            "$x");
    assertThat(w.tempdir()).isEqualTo("null");
    assertThat(back.worker()).isEqualTo(expected);
    assertThat(back.section("example", ExampleSection.class).regions()).isEmpty();
    assertThat(out)
        .contains(
            "    - 'true'\n",
            "    - \"x\\ny\"\n",
            "    - 'it''s'\n",
            "  tempdir: 'null'\n",
            "  schedule: null\n",
            "  write_files_to_home_dir:\n    - path: a\n      content: '********'\n",
            "  files_in_home_dir:\n    'k: v': '********'\n");
  }

  @Test
  void toYamlWithSourcesCommentsKeysThatAreNotAtTheirDefault() throws Exception {
    LoadedConfig config =
        load(
            "resotoworker:\n"
                + "  timeout: 60\n"
                + "  graph_sender_pool_size: 5\n"
                + "  files_in_home_dir:\n"
                + "    a: x\n"
                + "example:\n"
                + "  regions: [eu-west-1]\n",
            Map.of("RESOTOWORKER_GRAPH", "envgraph", "RESOTOWORKER_FILES_IN_HOME_DIR__b", "y"),
            "resotoworker.pool_size=7");
    List<String> lines = config.toYaml(true).lines().toList();

    assertThat(lines)
        .contains(
            "resotoworker:",
            "  timeout: 60  # config.yaml:2",
            "  graph: envgraph  # env RESOTOWORKER_GRAPH",
            "  pool_size: 7  # --override resotoworker.pool_size=7",
            "  graph_sender_pool_size: 5",
            "  web_port: 9956",
            "  files_in_home_dir:  # config.yaml:5",
            "    a: '********'",
            "    b: '********'  # env RESOTOWORKER_FILES_IN_HOME_DIR__b",
            "example:",
            "  regions:  # config.yaml:7",
            "    - eu-west-1");
    assertThat(config.toYaml(false)).doesNotContain("#");
  }

  @Test
  void toYamlOrdersSectionsAndKeysAsRegistered() throws Exception {
    String yaml = load("").toYaml(false);
    assertThat(yaml).startsWith("resotoworker:\n  collector: null\n  graph: resoto\n");
    assertThat(yaml.indexOf("example:\n")).isGreaterThan(yaml.indexOf("shutdown_grace: 8"));
    assertThat(yaml).endsWith("example:\n  accounts: 1\n  token: null\n  regions:\n    - us-east-1\n");
  }
}
