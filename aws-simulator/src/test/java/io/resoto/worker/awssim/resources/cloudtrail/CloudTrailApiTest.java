package io.resoto.worker.awssim.resources.cloudtrail;

import static io.resoto.worker.awssim.resources.DemoSimulation.awsError;
import static org.assertj.core.api.Assertions.assertThat;

import io.resoto.worker.awssim.resources.DemoClients;
import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudtrail.CloudTrailClient;
import software.amazon.awssdk.services.cloudtrail.model.Tag;
import software.amazon.awssdk.services.cloudtrail.model.TrailInfo;

/** CloudTrail over the wire: multi-region trails listed everywhere, names and ARNs, errors as AWS words them. */
class CloudTrailApiTest {

  private static final String AUDIT = "arn:aws:cloudtrail:us-east-1:111111111111:trail/org-audit";
  private static Simulation sim;
  private static CloudTrailClient us;
  private static CloudTrailClient eu;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    us = DemoClients.client(sim, CloudTrailClient.builder(), "us-east-1");
    eu = DemoClients.client(sim, CloudTrailClient.builder(), "eu-central-1");
  }

  @AfterAll
  static void stop() {
    us.close();
    eu.close();
    sim.close();
  }

  private static List<String> listed(CloudTrailClient c) {
    return c.listTrails(b -> { }).trails().stream().map(t -> t.name() + "@" + t.homeRegion()).toList();
  }

  @Test
  void aRegionListsItsTrailsAndTheMultiRegionTrailsOfOthers() {
    assertThat(listed(us)).containsExactlyInAnyOrder("org-audit@us-east-1", "data-events@us-east-1",
        "eu-audit@eu-central-1");
    // data-events is single-region: only its home region lists it
    assertThat(listed(eu)).containsExactlyInAnyOrder("eu-audit@eu-central-1", "org-audit@us-east-1");
    TrailInfo info = us.listTrails(b -> { }).trails().get(0);
    assertThat(info.trailARN()).startsWith("arn:aws:cloudtrail:");
  }

  @Test
  void aTrailIsNamedByNameInItsRegionOrByArnFromAnywhere() {
    assertThat(us.getTrail(b -> b.name("org-audit")).trail().trailARN()).isEqualTo(AUDIT);
    assertThat(eu.getTrail(b -> b.name(AUDIT)).trail().name()).isEqualTo("org-audit");
    assertThat(eu.getTrailStatus(b -> b.name(AUDIT)).isLogging()).isTrue();
    awsError(() -> eu.getTrail(b -> b.name("org-audit")), 400, "TrailNotFoundException");
    awsError(() -> us.getTrailStatus(b -> b.name("nope")), 400, "TrailNotFoundException");
  }

  @Test
  void selectorsAndTheirAbsence() {
    assertThat(us.getEventSelectors(b -> b.trailName(AUDIT)).eventSelectors()).hasSize(1);
    assertThat(us.getEventSelectors(b -> b.trailName("data-events")).advancedEventSelectors()).hasSize(1);
    assertThat(us.getInsightSelectors(b -> b.trailName(AUDIT)).insightSelectors()).hasSize(2);
    awsError(() -> us.getInsightSelectors(b -> b.trailName("data-events")), 400, "InsightNotEnabledException");
  }

  @Test
  void tagsAreWrittenInTheHomeRegionOnly() {
    awsError(() -> eu.addTags(b -> b.resourceId(AUDIT).tagsList(Tag.builder().key("k").value("v").build())), 400,
        "InvalidHomeRegionException");
    awsError(() -> us.addTags(b -> b.resourceId(AUDIT).tagsList(Tag.builder().key("aws:x").value("v").build())), 400,
        "InvalidTagParameterException");
    awsError(() -> us.listTags(b -> b.resourceIdList("arn:aws:cloudtrail:us-east-1:111111111111:trail/nope")), 400,
        "ResourceNotFoundException");
    us.addTags(b -> b.resourceId(AUDIT).tagsList(Tag.builder().key("k").value("v").build()));
    assertThat(us.listTags(b -> b.resourceIdList(AUDIT)).resourceTagList().get(0).tagsList())
        .extracting(Tag::key).containsExactly("compliance", "team", "k");
    us.removeTags(b -> b.resourceId(AUDIT).tagsList(Tag.builder().key("k").build()));
    assertThat(us.listTags(b -> b.resourceIdList(AUDIT)).resourceTagList().get(0).tagsList())
        .extracting(Tag::key).containsExactly("compliance", "team");
  }

  @Test
  void aForeignTokenIsRefused() {
    awsError(() -> us.listTrails(b -> b.nextToken("bm90LWEtdG9rZW4")), 400, "InvalidNextTokenException");
  }
}
