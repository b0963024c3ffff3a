package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.LOADER;
import static io.resoto.worker.config.ConfigTestSupport.load;
import static io.resoto.worker.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.spi.Secret;
import java.lang.reflect.RecordComponent;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

  private static Path resource(String name) throws URISyntaxException {
    return Path.of(ConfigLoaderTest.class.getResource("/config/" + name).toURI());
  }

  @Test
  void withoutFileEverythingIsAtItsDefault() throws Exception {
    LoadedConfig config = LOADER.load((Path) null, Map.of(), List.of());

    assertThat(config.worker()).isEqualTo(ResotoWorkerConfig.DEFAULTS);
    assertThat(config.section("example", ExampleSection.class)).isEqualTo(ExampleSection.DEFAULTS);
    assertThat(config.file()).isNull();
    assertThat(config.sourceOf("resotoworker.timeout")).isEqualTo("default");
  }

  @Test
  void defaultsAreThoseOfTheOriginalWorkerPlusOurs() {
    ResotoWorkerConfig d = ResotoWorkerConfig.DEFAULTS;
    // not set: each run auto-enables the installed collectors whose credentials work
    assertThat(d.collector()).isNull();
    assertThat(d.graph()).isEqualTo("resoto");
    assertThat(d.timeout()).isEqualTo(10800);
    assertThat(d.poolSize()).isEqualTo(5);
    assertThat(d.graphSenderPoolSize()).isEqualTo(5);
    assertThat(d.forkProcess()).isTrue();
    assertThat(d.graphMergeKind()).isEqualTo(GraphMergeKind.ACCOUNT);
    assertThat(d.debugDumpJson()).isFalse();
    assertThat(d.tempdir()).isNull();
    assertThat(d.maxResourcesPerAccount()).isNull();
    assertThat(d.cleanup()).isFalse();
    assertThat(d.cleanupPoolSize())
        .isEqualTo(2 * Math.max(Runtime.getRuntime().availableProcessors(), 2));
    assertThat(d.cleanupDryRun()).isTrue();
    assertThat(d.noTls()).isFalse();
    assertThat(d.webHost()).isEqualTo("::");
    assertThat(d.webPort()).isEqualTo(9956);
    assertThat(d.webPath()).isEqualTo("/");
    assertThat(d.writeFilesToHomeDir()).isEmpty();
    assertThat(d.filesInHomeDir()).isEmpty();
    assertThat(d.schedule()).isEqualTo("0 * * * *");
    assertThat(d.dataDir()).isEqualTo("~/.resotoworker/data");
    assertThat(d.dataKeepRuns()).isEqualTo(10);
    assertThat(d.shutdownGrace()).isEqualTo(8);
    assertThat(d.spoolMaxMb()).isEqualTo(1024);
    assertThat(d.spoolMaxAge()).isEqualTo(86400);
  }

  @Test
  void emptyFileAndEmptySectionMeanDefaults() throws Exception {
    assertThat(load("").worker()).isEqualTo(ResotoWorkerConfig.DEFAULTS);
    assertThat(load("# only a comment\n").worker()).isEqualTo(ResotoWorkerConfig.DEFAULTS);
    assertThat(load("resotoworker:\nexample:\n").worker()).isEqualTo(ResotoWorkerConfig.DEFAULTS);
  }

  @Test
  void everyKeyOfTheFileIsBound() throws Exception {
    Path file = resource("full.yaml");
    LoadedConfig config = LOADER.load(file, Map.of(), List.of());
    ResotoWorkerConfig c = config.worker();

    for (RecordComponent component : ResotoWorkerConfig.class.getRecordComponents()) {
      Object actual = component.getAccessor().invoke(c);
      Object byDefault = component.getAccessor().invoke(ResotoWorkerConfig.DEFAULTS);
      assertThat(actual).as(component.getName()).isNotEqualTo(byDefault);
    }
    assertThat(c.collector()).containsExactly("aws", "example");
    assertThat(c.graph()).isEqualTo("inventory");
    assertThat(c.timeout()).isEqualTo(600);
    assertThat(c.poolSize()).isEqualTo(2);
    assertThat(c.graphSenderPoolSize()).isEqualTo(3);
    assertThat(c.forkProcess()).isFalse();
    assertThat(c.graphMergeKind()).isEqualTo(GraphMergeKind.CLOUD);
    assertThat(c.debugDumpJson()).isTrue();
    assertThat(c.tempdir()).isEqualTo("/var/tmp/worker");
    assertThat(c.maxResourcesPerAccount()).isEqualTo(1000);
    assertThat(c.cleanup()).isTrue();
    assertThat(c.cleanupPoolSize()).isEqualTo(1);
    assertThat(c.cleanupDryRun()).isFalse();
    assertThat(c.noTls()).isTrue();
    assertThat(c.webHost()).isEqualTo("127.0.0.1");
    assertThat(c.webPort()).isEqualTo(8080);
    assertThat(c.webPath()).isEqualTo("/worker");
    assertThat(c.writeFilesToHomeDir())
        .containsExactly(new HomeDirFile(".kube/config", Secret.of("kube-SECRET-file")));
    assertThat(c.filesInHomeDir())
        .containsExactly(
            Map.entry(
                ".aws/credentials", Secret.of("[default]\naws_access_key_id = aws-SECRET-file")));
    assertThat(c.schedule()).isEqualTo("*/15 * * * *");
    assertThat(c.dataDir()).isEqualTo("/data/runs");
    assertThat(c.dataKeepRuns()).isEqualTo(3);
    assertThat(c.shutdownGrace()).isEqualTo(30);
    assertThat(c.spoolMaxMb()).isEqualTo(64);
    assertThat(c.spoolMaxAge()).isEqualTo(3600);

    assertThat(config.section("example", ExampleSection.class))
        .isEqualTo(
            new ExampleSection(
                4, Secret.of("token-SECRET-file"), List.of("eu-central-1", "eu-west-1")));
    assertThat(config.file()).isEqualTo(file);
    assertThat(config.sourceOf("resotoworker.timeout")).isEqualTo(file + ":5:12");
    assertThat(config.sourceOf("resotoworker.collector[1]")).isEqualTo(file + ":3:20");
    assertThat(config.sourceOf("example.regions[1]")).isEqualTo(file + ":36:7");
    assertThat(config.sourceOf("resotoworker.graph_sender_pool_size")).isEqualTo(file + ":7:27");
  }

  @Test
  void missingFileIsAProblem() {
    Path missing = Path.of("does-not-exist.yaml");
    assertThatThrownBy(() -> LOADER.load(missing, Map.of(), List.of()))
        .isInstanceOf(ConfigException.class)
        .hasMessage("does-not-exist.yaml: cannot read the file: no such file");
  }

  @Test
  void unknownKeyNamesLineAndSuggestsTheClosestKey() {
    assertThat(problems("resotoworker:\n  timeout: 60\n  timout: 5\n"))
        .containsExactly(
            "config.yaml:3:3: resotoworker.timout: unknown key 'timout'; did you mean 'timeout'?");
  }

  @Test
  void unknownKeyWithoutCloseMatchListsKnownKeys() {
    assertThat(problems("example:\n  flavour: x\n"))
        .containsExactly(
            "config.yaml:2:3: example.flavour: unknown key 'flavour'; known keys: accounts, token,"
                + " regions");
  }

  @Test
  void unknownSectionListsKnownSections() {
    assertThat(problems("aws:\n  region: x\nresotowrker:\n  timeout: 1\n"))
        .containsExactly(
            "config.yaml:1:1: aws: unknown section 'aws' (known sections: resotoworker, example)",
            "config.yaml:3:1: resotowrker: unknown section 'resotowrker'; did you mean"
                + " 'resotoworker'? (known sections: resotoworker, example)");
  }

  @Test
  void nestedRecordsRequireAllKeysAndRejectUnknownOnes() {
    assertThat(
            problems(
                "resotoworker:\n"
                    + "  write_files_to_home_dir:\n"
                    + "    - path: a\n"
                    + "      contents: b\n"))
        .containsExactly(
            "config.yaml:4:7: resotoworker.write_files_to_home_dir[0].contents: unknown key"
                + " 'contents'; did you mean 'content'?",
            "config.yaml:3:7: resotoworker.write_files_to_home_dir[0]: missing key 'content'");
  }

  @Test
  void wrongTypesNameExpectedAndActualValue() {
    assertThat(
            problems(
                "resotoworker:\n"
                    + "  timeout: abc\n"
                    + "  pool_size: \"12\"\n"
                    + "  web_port: 1.5\n"
                    + "  data_keep_runs: 99999999999\n"
                    + "  fork_process: yes\n"
                    + "  collector: example\n"
                    + "  write_files_to_home_dir: {a: b}\n"
                    + "  graph: [a]\n"
                    + "  graph_merge_kind: ACCOUNT\n"
                    + "  shutdown_grace: null\n"
                    + "  files_in_home_dir: [a]\n"))
        .containsExactly(
            "config.yaml:2:12: resotoworker.timeout: expected an integer, got 'abc'",
            "config.yaml:3:14: resotoworker.pool_size: expected an integer, got the string '12'",
            "config.yaml:4:13: resotoworker.web_port: expected an integer, got '1.5'",
            "config.yaml:5:19: resotoworker.data_keep_runs: expected an integer between"
                + " -2147483648 and 2147483647, got '99999999999'",
            "config.yaml:6:17: resotoworker.fork_process: expected true or false, got 'yes'",
            "config.yaml:7:14: resotoworker.collector: expected a list, got 'example'",
            "config.yaml:8:28: resotoworker.write_files_to_home_dir: expected a list, got a"
                + " mapping",
            "config.yaml:9:10: resotoworker.graph: expected a string, got a list",
            "config.yaml:10:21: resotoworker.graph_merge_kind: expected one of account, cloud, got"
                + " 'ACCOUNT'",
            "config.yaml:11:19: resotoworker.shutdown_grace: expected an integer, got null",
            "config.yaml:12:22: resotoworker.files_in_home_dir: expected a mapping, got a list");
  }

  @Test
  void sectionAndRootMustBeMappings() {
    assertThat(problems("resotoworker: [a]\n"))
        .containsExactly("config.yaml:1:15: resotoworker: expected a mapping, got a list");
    assertThat(problems("- a\n"))
        .containsExactly("config.yaml:1:1: the root must be a mapping of sections, got a list");
  }

  @Test
  void nullableKeysAcceptExplicitNull() throws Exception {
    ResotoWorkerConfig c =
        load("resotoworker:\n  max_resources_per_account: 5\n  schedule: null\n  tempdir: ~\n")
            .worker();
    assertThat(c.schedule()).isNull();
    assertThat(c.tempdir()).isNull();
    assertThat(c.maxResourcesPerAccount()).isEqualTo(5);
  }

  @Test
  void duplicateKeysAreRejected() {
    assertThat(problems("resotoworker:\n  timeout: 1\n  timeout: 2\n"))
        .containsExactly(
            "config.yaml:3:3: resotoworker.timeout: duplicate key 'timeout' (first at line 2)");
  }

  @Test
  void invalidYamlIsOneProblemWithLineAndShortReason() {
    List<String> problems = problems("resotoworker:\n  timeout: 1\n  collector: [a, b\n");
    assertThat(problems).hasSize(1);
    assertThat(problems.get(0))
        .startsWith("config.yaml:4:1: invalid YAML: ")
        .doesNotContain("\n")
        .doesNotContain("at org.yaml");
  }

  @Test
  void invalidYamlReasonIsSnakeYamlsProblem() {
    assertThat(problems("resotoworker:\n  timeout: 1\n   graph: x: y\n"))
        .containsExactly("config.yaml:3:9: invalid YAML: mapping values are not allowed here");
  }

  @Test
  void moreThanOneDocumentIsAProblem() {
    assertThat(problems("resotoworker: {}\n---\nexample: {}\n"))
        .containsExactly("config.yaml:3:1: expected one YAML document, found 2");
  }

  @Test
  void allProblemsOfFileEnvironmentAndOverridesAreReportedAtOnce() {
    List<String> problems =
        problems(
            "resotoworker:\n  timeout: abc\n  graph: my_graph\n  colector: [a]\nexampel: {}\n",
            Map.of("RESOTOWORKER_POOL_SIZE", "many"),
            "example.accounts=x");
    assertThat(problems)
        .containsExactly(
            "config.yaml:2:12: resotoworker.timeout: expected an integer, got 'abc'",
            "config.yaml:4:3: resotoworker.colector: unknown key 'colector'; did you mean"
                + " 'collector'?",
            "config.yaml:5:1: exampel: unknown section 'exampel'; did you mean 'example'? (known"
                + " sections: resotoworker, example)",
            "env RESOTOWORKER_POOL_SIZE: resotoworker.pool_size: expected an integer, got 'many'",
            "--override example.accounts=x: example.accounts: expected an integer, got 'x'",
            "config.yaml:3:10: resotoworker.graph: must not contain '_', got 'my_graph'");
  }

  @Test
  void exceptionMessageListsOneProblemPerLine() {
    assertThatThrownBy(() -> load("resotoworker:\n  timeout: 0\n  data_keep_runs: 0\n"))
        .isInstanceOf(ConfigException.class)
        .hasMessage(
            "config.yaml:2:12: resotoworker.timeout: must be at least 1, got 0\n"
                + "config.yaml:3:19: resotoworker.data_keep_runs: must be at least 1, got 0");
  }

  @Test
  void placeholdersAreReplacedBeforeConversion() throws Exception {
    LoadedConfig config =
        load(
            "resotoworker:\n"
                + "  timeout: $(TIMEOUT)\n"
                + "  graph: inv-$(STAGE)\n"
                + "  collector: [$(FIRST), example]\n"
                + "  files_in_home_dir:\n"
                + "    $(FILE): content\n",
            Map.of("TIMEOUT", "60", "STAGE", "prod", "FIRST", "aws", "FILE", ".netrc"));
    assertThat(config.worker().timeout()).isEqualTo(60);
    assertThat(config.worker().graph()).isEqualTo("inv-prod");
    assertThat(config.worker().collector()).containsExactly("aws", "example");
    assertThat(config.worker().filesInHomeDir()).containsOnlyKeys(".netrc");
  }

  @Test
  void unsetPlaceholderIsAProblemAtItsLine() {
    assertThat(
            problems(
                "resotoworker:\n  timeout: $(TIMEOUT)\n  collector: [example, $(MORE)]\n",
                Map.of()))
        .containsExactly(
            "config.yaml:2:12: resotoworker.timeout: environment variable TIMEOUT is not set"
                + " (placeholder $(TIMEOUT))",
            "config.yaml:3:24: resotoworker.collector[1]: environment variable MORE is not set"
                + " (placeholder $(MORE))");
  }

  @Test
  void sectionWithoutDefaultsNeedsItsPrimitiveKeys() throws Exception {
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put("resotoworker", ResotoWorkerConfig.class);
    sections.put("plain", PlainSection.class);
    ConfigLoader loader = new ConfigLoader(sections);

    assertThatThrownBy(() -> loader.load("", "config.yaml", Map.of(), List.of()))
        .hasMessage("config.yaml: plain.count: missing key 'count'");
    LoadedConfig config = loader.load("plain:\n  count: 2\n", "config.yaml", Map.of(), List.of());
    assertThat(config.section("plain", PlainSection.class)).isEqualTo(new PlainSection(2, null));
  }

  record PlainSection(int count, String name) {}

  record Unsupported(Object value) {}

  @Test
  void loaderRejectsUnusableSections() {
    assertThatThrownBy(() -> new ConfigLoader(Map.of("example", ExampleSection.class)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resotoworker");
    Map<String, Class<? extends Record>> sections = new LinkedHashMap<>();
    sections.put("resotoworker", ResotoWorkerConfig.class);
    sections.put("bad", Unsupported.class);
    assertThatThrownBy(() -> new ConfigLoader(sections))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported type java.lang.Object");
  }

  @Test
  void collectorIsNullUnlessSetAndAnEmptyListStaysEmpty() throws Exception {
    // null: auto-enable; []: collect nothing; the two must not be confused
    assertThat(load("resotoworker:\n  timeout: 60\n").worker().collector()).isNull();
    assertThat(load("resotoworker:\n  collector: null\n").worker().collector()).isNull();
    assertThat(load("resotoworker:\n  collector: []\n").worker().collector()).isNotNull().isEmpty();
    assertThat(load("", Map.of(), "resotoworker.collector=null").worker().collector()).isNull();
    assertThat(load("resotoworker:\n  collector: [example]\n", Map.of("RESOTOWORKER_COLLECTOR", "null"))
        .worker().collector()).isNull();
    assertThat(load("", Map.of(), "resotoworker.collector=example").worker().collector()).containsExactly("example");
  }

  @Test
  void loadedValuesAreImmutable() throws Exception {
    LoadedConfig config = load("resotoworker:\n  collector: [example]\n  files_in_home_dir: {a: b}\n");
    assertThatThrownBy(() -> config.worker().collector().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.worker().filesInHomeDir().put("x", Secret.of("y")))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> config.sections().remove("example"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThat(config.sections()).containsOnlyKeys("resotoworker", "example");
  }
}
