package io.resoto.worker.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.resoto.worker.aws.client.AwsClientFactory;
import io.resoto.worker.aws.engine.AccountCollector;
import io.resoto.worker.aws.engine.AwsKind;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.ec2.AwsEc2InstanceKind;
import io.resoto.worker.aws.kinds.iam.AwsIamGroupKind;
import io.resoto.worker.aws.kinds.s3.AwsS3BucketKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.config.LoadedConfig;
import io.resoto.worker.core.tasks.TagTaskHandler;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.NdjsonWriter;
import io.resoto.worker.graph.Node;
import io.resoto.worker.plugin.PluginRegistry;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The core's tag task end to end: a node as the worker sent it to the core (with the ancestors the
 * core adds), the tag handler with the AWS collector, the simulator; the answer is the node with
 * the new tags, and the next collect finds the same tags.
 */
class AwsTagTaskTest {

  static final ObjectMapper JSON = new ObjectMapper();
  static final List<AwsKind> KINDS = List.of(new AwsEc2InstanceKind(), new AwsS3BucketKind(), new AwsIamGroupKind());
  static Simulation sim;
  static TagTaskHandler handler;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    PluginRegistry registry = PluginRegistry.of(List.of(new AwsCollectorPlugin()));
    LoadedConfig config = registry.configLoader().load("""
        aws:
          endpoint_url: %s
          access_key_id: %s
          secret_access_key: %s
          max_attempts: 2
        """.formatted(sim.endpoint(), TestSupport.KEY, TestSupport.SECRET), "worker.yaml", Map.of(), List.of());
    handler = new TagTaskHandler(registry, () -> config);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** The management account's graph of the test kinds. */
  static Graph collect() throws Exception {
    var config = TestSupport.config(sim, Map.of());
    try (AwsClientFactory clients = new AwsClientFactory(config)) {
      return new AccountCollector(config, clients, TestSupport.resolver(), KINDS, new TestSupport.RecordingContext())
          .collect(TestSupport.managementAccount()).graph().graph();
    }
  }

  /** The node's line as the worker sends it to the core, with the ancestors the core adds. */
  static ObjectNode coreNode(Graph graph, String kind, String id) throws Exception {
    Node node = graph.nodes().stream().filter(n -> n.kind().equals(kind) && n.resourceId().equals(id)).findFirst()
        .orElseThrow();
    Graph one = new Graph();
    one.add(node);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    NdjsonWriter.write(one, out, Set.of(), null);
    ObjectNode json = (ObjectNode) JSON.readTree(out.toString(StandardCharsets.UTF_8).lines().findFirst().orElseThrow());
    ObjectNode ancestors = json.putObject("ancestors");
    ancestors.putObject("cloud").putObject("reported").put("id", "aws").put("name", "aws");
    ancestors.putObject("account").putObject("reported").put("id", node.account()).put("name", "demo-mgmt");
    ancestors.putObject("region").putObject("reported").put("id", node.region()).put("name", node.region());
    return json;
  }

  static JsonNode task(String changes, ObjectNode node) throws Exception {
    ObjectNode data = (ObjectNode) JSON.readTree("{" + changes + "}");
    data.set("node", node);
    return data;
  }

  @Test
  void anInstanceAndABucketAreTaggedAndTheAnswerIsWhatTheNextCollectFinds() throws Exception {
    Graph before = collect();
    ObjectNode instance = coreNode(before, "aws_ec2_instance", "i-0a11c0e0000000001");
    ObjectNode bucket = coreNode(before, "aws_s3_bucket", "demo-mgmt-artifacts");
    assertThat(handler.filter()).isEqualTo(Map.of("cloud", List.of("aws")));

    JsonNode taggedInstance = handler.handle(task("\"delete\": [\"env\"], \"update\": {\"reviewed\": null,"
        + " \"owner\": \"lukas\"}", instance));
    JsonNode taggedBucket = handler.handle(task("\"update\": {\"cost-center\": \"42\"}", bucket));

    assertThat(taggedInstance.get("id")).isEqualTo(instance.get("id"));
    assertThat(taggedBucket.get("id")).isEqualTo(bucket.get("id"));
    Graph after = collect();
    for (JsonNode answer : List.of(taggedInstance, taggedBucket)) {
      Node collected = after.nodes().stream().filter(n -> n.id().equals(answer.get("id").asText())).findFirst()
          .orElseThrow();
      assertThat(JSON.convertValue(answer.at("/reported/tags"), Map.class)).isEqualTo(collected.tags());
    }
    assertThat(JSON.convertValue(taggedInstance.at("/reported/tags"), Map.class))
        .containsEntry("owner", "lukas").containsEntry("reviewed", "").doesNotContainKey("env");
    assertThat(JSON.convertValue(taggedBucket.at("/reported/tags"), Map.class))
        .isEqualTo(Map.of("owner", "release-team", "env", "prod", "cost-center", "42"));
  }

  @Test
  void aKindWithoutTagCallsIsTheTasksError() throws Exception {
    ObjectNode group = coreNode(collect(), "aws_iam_group", "AGPADEMOADMINS0000001");
    assertThatThrownBy(() -> handler.handle(task("\"update\": {\"owner\": \"x\"}", group)))
        .hasMessage("setting tag 'owner' of aws_iam_group AGPADEMOADMINS0000001 failed: aws_iam_group has no tag"
            + " calls (AWS or the collector offers none for this kind): its tags cannot be changed");
  }

  @Test
  void aMissingResourceIsTheTasksErrorWithAwsCode() throws Exception {
    ObjectNode instance = coreNode(collect(), "aws_ec2_instance", "i-0a11c0e0000000001");
    ((ObjectNode) instance.get("reported")).put("id", "i-0000000000000dead");
    assertThatThrownBy(() -> handler.handle(task("\"update\": {\"owner\": \"x\"}", instance)))
        .hasMessageStartingWith("setting tag 'owner' of aws_ec2_instance i-0000000000000dead failed: ec2:CreateTags"
            + " in 111111111111/us-east-1: InvalidInstanceID.NotFound: ");
  }
}
