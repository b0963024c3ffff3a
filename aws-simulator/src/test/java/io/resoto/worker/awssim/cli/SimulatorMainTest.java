package io.resoto.worker.awssim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;

class SimulatorMainTest {

  @TempDir Path dir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(CountDownLatch stop, String... args) throws Exception {
    return SimulatorMain.run(args, stop, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void servesTheDemoEstateUntilStopped() throws Exception {
    CountDownLatch stop = new CountDownLatch(1);
    CompletableFuture<Integer> running = CompletableFuture.supplyAsync(() -> {
      try {
        return run(stop, "--port", "0", "--imds-port", "0");
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    Pattern endpoint = Pattern.compile("AWS simulator: (http://127\\.0\\.0\\.1:\\d+) ");
    Matcher m = endpoint.matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    // the banner is printed line by line: wait for its last line, not only the first
    while (!((m = endpoint.matcher(out.toString(StandardCharsets.UTF_8))).find()
        && out.toString(StandardCharsets.UTF_8).contains("AKIADEMO00000000000A")) && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("estate demo: 3 accounts", "AKIADEMO00000000000A");
    try (StsClient sts = StsClient.builder().endpointOverride(java.net.URI.create(m.group(1)))
        .region(Region.US_EAST_1).httpClient(ApacheHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
            "AKIADEMO00000000000A", "demo-secret-0000000000000000000000000000"))).build()) {
      assertThat(sts.getCallerIdentity().account()).isEqualTo("111111111111");
    }
    stop.countDown();
    assertThat(running.get(10, TimeUnit.SECONDS)).isZero();
  }

  @Test
  void badOptionsAndBadEstatesExitTwoWithTheReason() throws Exception {
    assertThat(run(new CountDownLatch(0), "--port")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: --port needs a value");
    err.reset();
    Path bad = Files.writeString(dir.resolve("estate.yaml"), "accounts:\n  - id: '12'\n");
    assertThat(run(new CountDownLatch(0), "--estate", bad.toString())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).startsWith("error: ").contains("accounts[0].id");
  }
}
