package io.resoto.worker.awssim.resources.sns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.Subscription;

/** SNS's listings over the wire (query protocol), from the demo estate's us-east-1 topics. */
class SnsApiTest {

  private static final String ORDERS = "arn:aws:sns:us-east-1:111111111111:orders-events";
  private static Simulation sim;
  private static SnsClient sns;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    sns = DemoClients.client(sim, SnsClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    sns.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void topicsAndSubscriptionsAreListedAsAwsAnswers() {
    assertThat(sns.listTopics(b -> {}).topics()).hasSize(3).anyMatch(t -> t.topicArn().equals(ORDERS));
    assertThat(sns.getTopicAttributes(b -> b.topicArn(ORDERS)).attributes()).containsEntry("TopicArn", ORDERS)
        .containsEntry("DisplayName", "Order events");
    // an unconfirmed subscription is listed with PendingConfirmation as its ARN
    assertThat(sns.listSubscriptions(b -> {}).subscriptions()).extracting(Subscription::subscriptionArn)
        .contains("PendingConfirmation").hasSize(4);
    assertThat(sns.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(
        "arn:aws:sns:us-east-1:111111111111:app/APNS/demo-shop-ios")).endpoints()).hasSize(2);
    assertThat(sns.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(
        "arn:aws:sns:us-east-1:111111111111:app/GCM/demo-shop-android")).endpoints()).isEmpty();
  }

  @Test
  void unknownResourcesAndForeignTokensAreRefused() {
    assertThatThrownBy(() -> sns.getTopicAttributes(b -> b.topicArn(ORDERS + "-nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("NotFound"));
    assertThatThrownBy(() -> sns.getSubscriptionAttributes(b -> b.subscriptionArn(ORDERS + ":nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("NotFound"));
    assertThatThrownBy(() -> sns.listEndpointsByPlatformApplication(b -> b.platformApplicationArn(
        "arn:aws:sns:us-east-1:111111111111:app/GCM/nope"))).satisfies(e -> assertThat(code(e)).isEqualTo("NotFound"));
    assertThatThrownBy(() -> sns.listTopics(b -> b.nextToken("bogus")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameter"));
    assertThatThrownBy(() -> sns.tagResource(b -> b.resourceArn(ORDERS).tags(t -> t.key("aws:x").value("y"))))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameter"));
  }
}
