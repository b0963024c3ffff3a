package io.resoto.worker.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.testcore.Await;
import io.resoto.worker.testcore.TestCore;
import io.resoto.worker.testcore.Upload;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * The drop-in scenario with the real jar: started with nothing but a core URI, a PSK and AWS
 * credentials in the environment (no config file, no collector named), the worker auto-enables
 * the AWS collector, collects the simulator's account when the core says so, the core accepts
 * the graph under every import rule, and a tag task from the core's queue changes the tag in AWS
 * and is answered with the updated node.
 */
class CoreAwsIT {

  private static final String PSK = "core-aws-it-psk-3d9a";
  private static final String KEY = "AKIADEMO00000000000A";
  private static final String SECRET = "demo-secret-0000000000000000000000000000";
  private static final Duration WAIT = Duration.ofSeconds(90);

  @TempDir
  Path home;

  @Test
  void startedWithACoreUriAndAPskItCollectsAwsForTheCoreAndRunsTagTasks() throws Exception {
    try (Simulation sim = Simulation.start(Estate.demo());
        TestCore core = TestCore.start(TestCore.Options.psk(PSK))) {
      Map<String, String> env = Map.of(
          "RESOTOWORKER_RESOTOCORE_URI", core.uri().toString(),
          "RESOTOWORKER_PSK", PSK,
          "AWS_ACCESS_KEY_ID", KEY,
          "AWS_SECRET_ACCESS_KEY", SECRET,
          "RESOTOWORKER_AWS__ENDPOINT_URL", sim.endpoint().toString(),
          "RESOTOWORKER_AWS__REGION", "us-east-1,eu-central-1",
          "RESOTOWORKER_WEB_HOST", "127.0.0.1",
          "RESOTOWORKER_WEB_PORT", String.valueOf(WorkerJarIT.freePort()));
      try (WorkerProcess worker = WorkerProcess.start(home, env)) {
        worker.awaitErr("core actions channel connected", WAIT);

        core.collect("task-aws");
        Await.until("the collect is answered", WAIT, () -> core.answers("task-aws").size() == 1);
        assertThat(core.answers("task-aws").get(0).get("kind").asText()).as(worker.err()).isEqualTo("action_done");
        assertThat(core.rejected()).as("uploads the core's import rules reject").isEmpty();
        List<Upload> uploads = core.uploads("task-aws");
        assertThat(uploads).hasSize(1);
        Upload upload = uploads.get(0);
        assertThat(upload.nodesOfKind("aws_account")).singleElement()
            .satisfies(a -> assertThat(a.at("/reported/id").asText()).isEqualTo("111111111111"));
        assertThat(upload.nodesOfKind("aws_ec2_instance")).isNotEmpty();
        assertThat(core.messages("action_progress", "task-aws")).isNotEmpty();
        assertThat(worker.err()).contains("auto-enabled");

        // a tag task for one of the instances, with the ancestors the core adds to its nodes
        JsonNode instance = upload.nodesOfKind("aws_ec2_instance").get(0);
        String instanceId = instance.at("/reported/id").asText();
        String region = regionOf(upload, instance.get("id").asText());
        ObjectNode node = instance.deepCopy();
        ObjectNode ancestors = node.putObject("ancestors");
        ancestors.putObject("cloud").putObject("reported").put("id", "aws").put("name", "aws");
        ancestors.putObject("account").putObject("reported").put("id", "111111111111");
        ancestors.putObject("region").putObject("reported").put("id", region).put("name", region);
        ObjectNode data = TestCore.object();
        data.putObject("update").put("owner", "core-it");
        data.set("node", node);
        JsonNode answer = core.sendTask("tag", Map.of("cloud", "aws", "account", "111111111111", "region", region),
            data, false).result().get(60, TimeUnit.SECONDS);

        assertThat(answer.get("result").asText()).as(answer.toString()).isEqualTo("done");
        assertThat(answer.at("/data/id").asText()).isEqualTo(instance.get("id").asText());
        assertThat(answer.at("/data/reported/tags/owner").asText()).isEqualTo("core-it");
        assertThat(tagsInAws(sim, region, instanceId)).contains(Tag.builder().key("owner").value("core-it").build());

        worker.terminate();
        assertThat(worker.waitFor()).isZero();
        assertThat(worker.out() + worker.err()).doesNotContain(PSK).doesNotContain(SECRET);
      }
    }
  }

  /** The region node the upload hangs the node under. */
  private static String regionOf(Upload upload, String nodeId) {
    return upload.edges().stream()
        .filter(e -> e.get("to").asText().equals(nodeId) && !e.has("edge_type"))
        .map(e -> upload.nodes().get(e.get("from").asText()))
        .filter(n -> n != null && n.at("/reported/kind").asText().equals("aws_region"))
        .map(n -> n.at("/reported/id").asText())
        .findFirst().orElseThrow();
  }

  private static List<Tag> tagsInAws(Simulation sim, String region, String instanceId) {
    try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(sim.endpoint()).region(Region.of(region))
        .httpClient(ApacheHttpClient.create())
        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(KEY, SECRET))).build()) {
      return ec2.describeInstances(r -> r.instanceIds(instanceId)).reservations().get(0).instances().get(0).tags();
    }
  }
}
