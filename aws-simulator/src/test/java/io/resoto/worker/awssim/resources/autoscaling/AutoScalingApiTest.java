package io.resoto.worker.awssim.resources.autoscaling;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Tag;

/** Auto Scaling groups over the wire (AWS query): paging, the name filter, tag writes and their errors. */
class AutoScalingApiTest {

  private static Simulation sim;
  private static AutoScalingClient autoscaling;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    autoscaling = DemoClients.client(sim, AutoScalingClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    autoscaling.close();
    sim.close();
  }

  @Test
  void groupsArePagedAndFilteredByName() {
    DescribeAutoScalingGroupsResponse first = autoscaling.describeAutoScalingGroups(b -> b.maxRecords(2));
    assertThat(first.autoScalingGroups()).hasSize(2);
    DescribeAutoScalingGroupsResponse rest = autoscaling.describeAutoScalingGroups(b -> b.maxRecords(2)
        .nextToken(first.nextToken()));
    assertThat(rest.autoScalingGroups()).extracting(g -> g.autoScalingGroupName()).containsExactly("legacy-asg");
    assertThat(rest.nextToken()).isNull();
    assertThat(autoscaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames("web-asg", "nope"))
        .autoScalingGroups()).extracting(g -> g.autoScalingGroupName()).containsExactly("web-asg");
    awsError(() -> autoscaling.describeAutoScalingGroups(b -> b.nextToken("bm90LWEtdG9rZW4")), 400,
        "InvalidNextToken");
    awsError(() -> autoscaling.describeAutoScalingGroups(b -> b.maxRecords(101)), 400, "ValidationError");
  }

  @Test
  void tagsOfUnknownGroupsOrReservedKeysAreRefused() {
    awsError(() -> autoscaling.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId("nope")
        .resourceType("auto-scaling-group").key("k").value("v").build())), 400, "ValidationError");
    awsError(() -> autoscaling.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId("web-asg")
        .resourceType("auto-scaling-group").key("aws:k").value("v").build())), 400, "ValidationError");
    autoscaling.createOrUpdateTags(b -> b.tags(Tag.builder().resourceId("batch-spot-asg")
        .resourceType("auto-scaling-group").key("k").value("v").propagateAtLaunch(true).build()));
    assertThat(autoscaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames("batch-spot-asg"))
        .autoScalingGroups().get(0).tags()).singleElement()
        .satisfies(t -> assertThat(t.propagateAtLaunch()).isTrue());
    autoscaling.deleteTags(b -> b.tags(Tag.builder().resourceId("batch-spot-asg").resourceType("auto-scaling-group")
        .key("k").build()));
    assertThat(autoscaling.describeAutoScalingGroups(b -> b.autoScalingGroupNames("batch-spot-asg"))
        .autoScalingGroups().get(0).tags()).isEmpty();
  }
}
