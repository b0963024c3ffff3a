package io.resoto.worker.awssim.resources.kinesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ListStreamsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.StreamDescription;

/**
 * Kinesis over the SDK's default client, which speaks CBOR: requests and answers (and errors) in
 * CBOR, timestamps as epoch milliseconds, paging of streams, shards and tags.
 */
class KinesisStreamsApiTest {

  private static final List<String> contentTypes = new CopyOnWriteArrayList<>();
  private static Simulation sim;
  private static KinesisClient kinesis;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    kinesis = KinesisClient.builder().endpointOverride(sim.endpoint())
        .region(software.amazon.awssdk.regions.Region.US_EAST_1).credentialsProvider(DemoClients.COLLECTOR)
        .overrideConfiguration(c -> c.addExecutionInterceptor(new ExecutionInterceptor() {
          @Override
          public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
            contentTypes.add(context.httpRequest().firstMatchingHeader("Content-Type").orElse("") + " -> "
                + context.httpResponse().firstMatchingHeader("Content-Type").orElse(""));
          }
        }))
        .build();
  }

  @AfterAll
  static void stop() {
    kinesis.close();
    sim.close();
  }

  @Test
  void theDefaultClientIsAnsweredInCbor() {
    contentTypes.clear();
    StreamDescription s = kinesis.describeStream(b -> b.streamName("order-events")).streamDescription();
    assertThat(s.streamCreationTimestamp()).isEqualTo(Instant.parse("2024-02-12T09:35:00Z"));
    assertThat(s.shards()).hasSize(3);
    assertThat(s.hasMoreShards()).isFalse();
    assertThat(contentTypes).containsExactly("application/x-amz-cbor-1.1 -> application/x-amz-cbor-1.1");
  }

  @Test
  void errorsAreCborToo() {
    contentTypes.clear();
    assertThatThrownBy(() -> kinesis.describeStream(b -> b.streamName("nope")))
        .isInstanceOf(ResourceNotFoundException.class)
        .hasMessageContaining("Stream nope under account 111111111111 not found");
    assertThat(contentTypes).containsExactly("application/x-amz-cbor-1.1 -> application/x-amz-cbor-1.1");
  }

  @Test
  void streamsShardsAndTagsArePaged() {
    ListStreamsResponse first = kinesis.listStreams(b -> b.limit(1));
    assertThat(first.streamNames()).containsExactly("clickstream");
    assertThat(first.hasMoreStreams()).isTrue();
    ListStreamsResponse second = kinesis.listStreams(b -> b.limit(1).nextToken(first.nextToken()));
    assertThat(second.streamNames()).containsExactly("order-events");
    assertThat(second.hasMoreStreams()).isFalse();
    assertThat(second.streamSummaries().get(0).streamARN())
        .isEqualTo("arn:aws:kinesis:us-east-1:111111111111:stream/order-events");

    StreamDescription shards = kinesis.describeStream(b -> b.streamName("order-events").limit(2)).streamDescription();
    assertThat(shards.shards()).hasSize(2);
    assertThat(shards.hasMoreShards()).isTrue();
    assertThat(kinesis.describeStream(b -> b.streamName("order-events").exclusiveStartShardId("shardId-000000000001"))
        .streamDescription().shards()).extracting(sh -> sh.shardId()).containsExactly("shardId-000000000002");

    var tags = kinesis.listTagsForStream(b -> b.streamName("order-events").limit(1));
    assertThat(tags.tags()).extracting(t -> t.key()).containsExactly("env");
    assertThat(tags.hasMoreTags()).isTrue();
    assertThat(kinesis.listTagsForStream(b -> b.streamName("order-events").exclusiveStartTagKey("env")).tags())
        .extracting(t -> t.key()).containsExactly("team");

    assertThatThrownBy(() -> kinesis.listStreams(b -> b.nextToken("bogus")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgumentException"));
  }

  @Test
  void aStreamWithoutAPolicyAnswersAnEmptyOne() {
    assertThat(kinesis.getResourcePolicy(b -> b.resourceARN("arn:aws:kinesis:us-east-1:111111111111:stream/clickstream"))
        .policy()).isEqualTo("{}");
    assertThat(kinesis.getResourcePolicy(b -> b.resourceARN("arn:aws:kinesis:us-east-1:111111111111:stream/order-events"))
        .policy()).contains("kinesis:GetRecords");
  }
}
