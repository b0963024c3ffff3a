package io.resoto.worker.aws.kinds.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.aws.AwsCollectorPlugin;
import io.resoto.worker.aws.engine.TestSupport;
import io.resoto.worker.aws.kinds.KindTestHarness;
import io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.graph.EdgeType;
import io.resoto.worker.graph.Graph;
import io.resoto.worker.graph.Node;
import io.resoto.worker.spi.TagTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

class AwsSnsTopicKindTest extends KindTestHarness {

  static final String ORDERS = "arn:aws:sns:us-east-1:111111111111:orders-events";

  @Test
  void topicsAreMappedFromTheirAttributesAndTags() throws Exception {
    AwsSnsTopicKind kind = new AwsSnsTopicKind();
    Graph g = collect(kind, new AwsKmsKeyKind(), new AwsSnsSubscriptionKind());

    assertEveryPropertyFilled(g, kind);
    assertThat(nodes(g, AwsSnsTopicKind.KIND)).extracting(Node::resourceId).containsExactlyInAnyOrder(ORDERS,
        "arn:aws:sns:us-east-1:111111111111:alerts.fifo", "arn:aws:sns:us-east-1:111111111111:mobile-push-events");
    Node orders = node(g, AwsSnsTopicKind.KIND, ORDERS);
    assertThat(orders.name()).isEqualTo("Order events");
    assertThat(orders.region()).isEqualTo("us-east-1");
    assertThat(orders.tags()).isEqualTo(Map.of("team", "checkout", "env", "prod"));
    assertThat(orders.properties()).containsEntry("arn", ORDERS)
        .containsEntry("topic_subscriptions_confirmed", 2L).containsEntry("topic_subscriptions_pending", 1L)
        .containsEntry("topic_subscriptions_deleted", 1L).containsEntry("topic_owner", "111111111111")
        .containsEntry("topic_kms_master_key_id",
            "arn:aws:kms:us-east-1:111111111111:key/0a11c0e0-0000-4000-8000-000000000001");
    @SuppressWarnings("unchecked")
    Map<String, Object> policy = (Map<String, Object>) orders.properties().get("topic_policy");
    assertThat(policy).containsEntry("Version", "2008-10-17");
    assertThat((List<?>) policy.get("Statement")).hasSize(1);
    assertThat((String) orders.properties().get("topic_effective_delivery_policy")).contains("backoffFunction");
    // no display name: the topic's name
    Node fifo = node(g, AwsSnsTopicKind.KIND, "arn:aws:sns:us-east-1:111111111111:alerts.fifo");
    assertThat(fifo.name()).isEqualTo("alerts.fifo");
    assertThat(fifo.tags()).isEmpty();
    assertThat(fifo.properties()).containsEntry("topic_fifo_topic", true)
        .containsEntry("topic_content_based_deduplication", true).doesNotContainKey("topic_policy");

    // the customer key only (alias/aws/sns names no key node); topic -> its confirmed subscriptions
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_topic:") && e.contains(" -> aws_kms_key:"))
        .containsExactly("aws_sns_topic:Order events -> aws_kms_key:0a11c0e0-0000-4000-8000-000000000001");
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_topic:Order events -> aws_sns_subscription"))
        .hasSize(2);
    assertThat(edges(g, EdgeType.DEFAULT)).filteredOn(e -> e.startsWith("aws_sns_topic:alerts.fifo -> aws_sns_subscription"))
        .hasSize(1);
  }

  @Test
  void moreTopicsThanOnePageAreReadInFull() throws Exception {
    try (Simulation big = Simulation.start(SnsEstates.many(101, 1))) {
      Graph g = collect(big, new AwsSnsTopicKind());
      assertThat(nodes(g, AwsSnsTopicKind.KIND)).hasSize(101);
      assertThat(node(g, AwsSnsTopicKind.KIND, "arn:aws:sns:us-west-2:111111111111:t-100").name()).isEqualTo("Topic 100");
    }
  }

  @Test
  void aTopicIsTaggedAndUntaggedByItsArn() throws Exception {
    AwsCollectorPlugin plugin = new AwsCollectorPlugin();
    plugin.init(TestSupport.config(sim, Map.of()));
    TagTarget topic = new TagTarget(AwsSnsTopicKind.KIND, ORDERS, "Order events", ORDERS, TestSupport.MGMT,
        "us-east-1", null, Map.of(), Map.of());
    try (SnsClient sns = SnsClient.builder().endpointOverride(sim.endpoint()).region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(TestSupport.KEY, TestSupport.SECRET))).build()) {
      Map<String, String> before = tags(sns, ORDERS);
      plugin.updateTag(null, topic, "owner", "payments");
      assertThat(tags(sns, ORDERS)).containsEntry("owner", "payments").containsAllEntriesOf(before);
      plugin.deleteTag(null, topic, "owner");
      assertThat(tags(sns, ORDERS)).isEqualTo(before);
      TagTarget unknown = new TagTarget(AwsSnsTopicKind.KIND, ORDERS + "-x", "x", ORDERS + "-x", TestSupport.MGMT,
          "us-east-1", null, Map.of(), Map.of());
      assertThatThrownBy(() -> plugin.updateTag(null, unknown, "owner", "x")).hasMessageContaining("NotFound");
    } finally {
      plugin.close();
    }
  }

  private static Map<String, String> tags(SnsClient sns, String arn) {
    Map<String, String> out = new LinkedHashMap<>();
    sns.listTagsForResource(r -> r.resourceArn(arn)).tags().forEach(t -> out.put(t.key(), t.value()));
    return out;
  }

  @Test
  void theKmsKeyPointsToItOverADeleteEdge() throws Exception {
    Graph g = collect(new AwsSnsTopicKind(), new io.resoto.worker.aws.kinds.kms.AwsKmsKeyKind());
    java.util.List<String> defaults = edges(g, io.resoto.worker.graph.EdgeType.DEFAULT).stream()
        .filter(e -> e.startsWith("aws_sns_topic:") && e.contains(" -> aws_kms_key:")).toList();
    assertThat(defaults).isNotEmpty();
    // every default edge to a key has its delete edge back
    assertThat(edges(g, io.resoto.worker.graph.EdgeType.DELETE).stream()
        .filter(e -> e.startsWith("aws_kms_key:") && e.contains(" -> aws_sns_topic:")).toList())
        .hasSameSizeAs(defaults);
  }
}
