package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.cli.WorkerCli;
import io.resoto.worker.plugin.PluginRegistry;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example config the project ships stays valid and complete as the keys evolve. */
class ShippedConfigTest {

  private static final Path SHIPPED = Path.of("..", "config", "resotoworker.yaml");
  private static final PluginRegistry REGISTRY = PluginRegistry.discover(ShippedConfigTest.class.getClassLoader());

  @Test
  void validates() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = WorkerCli.run(new String[] {"config", "validate", SHIPPED.toString()}, Map.of(), REGISTRY,
        new PrintWriter(out), new PrintWriter(err));
    assertThat(code).as(err.toString()).isZero();
  }

  @Test
  void namesEveryKeyOfEverySectionWithItsDocumentation() throws Exception {
    StringWriter defaults = new StringWriter();
    WorkerCli.run(new String[] {"config", "defaults"}, Map.of(), REGISTRY, new PrintWriter(defaults), new PrintWriter(new StringWriter()));
    String shipped = Files.readString(SHIPPED);
    // every key and comment line of the current defaults is in the shipped file
    // (values that depend on the machine, like cleanup_pool_size, may differ)
    for (String line : defaults.toString().lines().toList()) {
      String trimmed = line.strip();
      if (trimmed.startsWith("#") || trimmed.endsWith(":") || trimmed.matches("[a-z_]+:.*")) {
        String expected = trimmed.contains(":") && !trimmed.startsWith("#") ? trimmed.substring(0, trimmed.indexOf(':') + 1) : trimmed;
        assertThat(shipped).as("config/resotoworker.yaml is out of date: regenerate it with 'worker config defaults'")
            .contains(expected);
      }
    }
  }

  @Test
  void theConfigurationReferenceIsTheGeneratedOne() throws Exception {
    StringWriter reference = new StringWriter();
    int code = WorkerCli.run(new String[] {"config", "reference"}, Map.of(), REGISTRY, new PrintWriter(reference),
        new PrintWriter(new StringWriter()));
    assertThat(code).isZero();
    assertThat(reference.toString()).contains("## `resotoworker`", "## `aws`", "| `access_key_id` |");
    assertThat(machineIndependent(Files.readString(Path.of("..", "docs", "config-reference.md"))))
        .as("docs/config-reference.md is out of date: regenerate it with 'java -jar worker-app/target/worker.jar"
            + " config reference > docs/config-reference.md'")
        .isEqualTo(machineIndependent(reference.toString()));
  }

  /** cleanup_pool_size defaults to twice the machine's cores: its default cell may differ. */
  private static String machineIndependent(String reference) {
    return reference.replaceAll("(\\| `cleanup_pool_size` \\| int64 \\| )`\\d+`", "$1`<2 x cores>`");
  }
}
