package io.resoto.worker.config;

import static io.resoto.worker.config.ConfigTestSupport.load;
import static io.resoto.worker.config.ConfigTestSupport.problems;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the generated bad configs (worker-app BadConfigTest) found in the loader, one test per fix:
 * a big list took minutes, a huge integer would too, the limits of the YAML parser gave no line
 * and SnakeYAML's words, and a huge value made a megabyte error line.
 */
class BadInputLimitsTest {

  @Test
  @Timeout(20)
  void aListOfFiftyThousandEntriesLoadsInLinearTime() throws Exception {
    StringBuilder yaml = new StringBuilder("example:\n  regions:\n");
    for (int i = 0; i < 50_000; i++) {
      yaml.append("  - r").append(i).append('\n');
    }
    long t0 = System.nanoTime();
    LoadedConfig c = load(yaml.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertThat(c.section("example", ExampleSection.class).regions()).hasSize(50_000);
    // was quadratic: every element scanned every source recorded so far (minutes for 50,000)
    assertThat(ms).isLessThan(5_000);
  }

  @Test
  @Timeout(20)
  void anIntegerOfAMillionDigitsIsOutOfRangeAtOnce() throws Exception {
    long t0 = System.nanoTime();
    assertThat(problems("resotoworker:\n  timeout: 9" + "1".repeat(900_000) + "\n")).singleElement().asString()
        .startsWith("config.yaml:2:12: resotoworker.timeout: expected an integer between -2147483648 and"
            + " 2147483647, got '9111111111");
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(5));
    // leading zeros do not count
    assertThat(load("resotoworker:\n  timeout: " + "0".repeat(100) + "7\n").worker().timeout()).isEqualTo(7);
  }

  @Test
  void theParsersLimitsHaveALineAndOurWords() {
    assertThat(problems("resotoworker:\n  collector: " + "[".repeat(60) + "]".repeat(60) + "\n"))
        .singleElement().asString()
        .matches("config\\.yaml:2:\\d+: invalid YAML: lists and mappings nested more than 50 levels deep");
    StringBuilder bomb = new StringBuilder("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      bomb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) {
        bomb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      bomb.append("]\n");
    }
    assertThat(problems(bomb.toString())).singleElement().asString()
        .matches("config\\.yaml:\\d+:\\d+: invalid YAML: more than 50 aliases of lists or mappings \\(a config needs"
            + " none\\)");
    assertThat(problems("resotoworker:\n  graph: " + "x".repeat(1_100_000) + "\n")).singleElement().asString()
        .matches("config\\.yaml:\\d+:\\d+: invalid YAML: the file is longer than the limit of 1048576 characters");
  }

  @Test
  void aHugeValueIsCutInTheMessage() {
    String problem = problems("resotoworker:\n  web_path: " + "x".repeat(200_000) + "\n").get(0);
    assertThat(problem).isEqualTo("config.yaml:2:13: resotoworker.web_path: must start with '/', got '"
        + "x".repeat(60) + "...'");
    assertThat(ConfigLoader.capped("y".repeat(10_000))).hasSize(503);
    assertThat(io.resoto.worker.spi.ConfigProblems.quote("a\tb")).isEqualTo("'a b'");
    assertThat(io.resoto.worker.spi.ConfigProblems.quote(null)).isEqualTo("null");
  }
}
