package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.LOADER;
import static io.resoto.worker.config.ConfigTestSupport.load;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.spi.Secret;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Secret values must not show up in any output of the config package. */
class SecretsTest {

  private static final String MARK = "SECRET";

  @Test
  void secretsAreNeitherInYamlNorInSourcesNorInToString() throws Exception {
    Path file = Path.of(SecretsTest.class.getResource("/config/full.yaml").toURI());
    LoadedConfig config =
        LOADER.load(
            file,
            Map.of(
                "RESOTOWORKER_FILES_IN_HOME_DIR__env", "env-SECRET-1",
                "RESOTOWORKER_EXAMPLE__TOKEN", "env-SECRET-2"),
            List.of(
                "resotoworker.files_in_home_dir.override=override-SECRET-3",
                "example.token=override-SECRET-4"));

    // The values are loaded, so the checks below would see them if they leaked.
    assertThat(config.section("example", ExampleSection.class).token().reveal())
        .isEqualTo("override-SECRET-4");
    assertThat(config.worker().filesInHomeDir().get("override").reveal())
        .isEqualTo("override-SECRET-3");

    List<String> outputs = new ArrayList<>();
    outputs.add(config.toYaml(true));
    outputs.add(config.toYaml(false));
    outputs.add(config.worker().toString());
    outputs.add(config.sections().toString());
    for (String path :
        List.of(
            "example.token",
            "resotoworker.files_in_home_dir.override",
            "resotoworker.files_in_home_dir.env",
            "resotoworker.files_in_home_dir..aws/credentials",
            "resotoworker.write_files_to_home_dir[0].content")) {
      outputs.add(config.sourceOf(path));
    }
    assertThat(outputs).allSatisfy(text -> assertThat(text).doesNotContain(MARK));
    assertThat(config.toYaml(true))
        .contains(
            "  token: '********'  # --override example.token=********",
            "    override: '********'  # --override"
                + " resotoworker.files_in_home_dir.override=********");
  }

  @Test
  void secretsAreNotInProblems() {
    String yaml =
        "resotoworker:\n"
            + "  files_in_home_dir: file-SECRET-1\n"
            + "  write_files_to_home_dir:\n"
            + "    - path: a\n"
            + "      content: [file-SECRET-2]\n"
            + "example:\n"
            + "  token: {a: file-SECRET-3}\n";
    assertProblemsHideSecrets(
        () -> load(yaml, Map.of(), "example.tokn=override-SECRET-4", "exmple.token=override-SECRET-5"),
        List.of(
            "config.yaml:2:22: resotoworker.files_in_home_dir: expected a mapping, got a scalar"
                + " value",
            "config.yaml:5:16: resotoworker.write_files_to_home_dir[0].content: expected a string,"
                + " got a list",
            "config.yaml:7:10: example.token: expected a string, got a mapping",
            "--override example.tokn=********: example.tokn: unknown key 'tokn'; did you mean"
                + " 'token'?",
            "--override exmple.token=********: exmple: unknown section 'exmple'; did you mean"
                + " 'example'? (known sections: resotoworker, example)"));
  }

  @Test
  void brokenYamlOnASecretLineDoesNotQuoteTheLine() {
    assertProblemsHideSecrets(
        () -> load("example:\n  token: \"file-SECRET-1\n  accounts: 2\n"), null);
  }

  @Test
  void secretPlaceholderIsResolvedButNeverShown() throws Exception {
    LoadedConfig config =
        load("example:\n  token: $(EXAMPLE_TOKEN)\n", Map.of("EXAMPLE_TOKEN", "env-SECRET-1"));
    assertThat(config.section("example", ExampleSection.class).token())
        .isEqualTo(Secret.of("env-SECRET-1"));
    assertThat(config.toYaml(true)).doesNotContain(MARK).contains("  token: '********'");
  }

  private interface Load {
    void run() throws Exception;
  }

  private static void assertProblemsHideSecrets(Load load, List<String> expected) {
    ConfigException[] caught = new ConfigException[1];
    assertThatThrownBy(
            () -> {
              try {
                load.run();
              } catch (ConfigException e) {
                caught[0] = e;
                throw e;
              }
            })
        .isInstanceOf(ConfigException.class);
    ConfigException e = caught[0];
    assertThat(e.getMessage()).doesNotContain(MARK);
    assertThat(e.problems())
        .allSatisfy(
            p -> {
              assertThat(p.toString()).doesNotContain(MARK);
              assertThat(p.message()).doesNotContain(MARK);
            });
    if (expected != null) {
      assertThat(e.problems()).map(ConfigProblem::toString).containsExactlyElementsOf(expected);
    }
  }
}
