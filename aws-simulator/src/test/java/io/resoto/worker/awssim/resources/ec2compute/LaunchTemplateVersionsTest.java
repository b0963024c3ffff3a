package io.resoto.worker.awssim.resources.ec2compute;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;

/** DescribeLaunchTemplateVersions over the wire, from the demo estate's us-east-1 templates. */
class LaunchTemplateVersionsTest {

  private static final String BATCH = "lt-0a11c0e0000000001";
  private static Simulation sim;
  private static Ec2Client ec2;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    ec2 = DemoClients.client(sim, Ec2Client.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    ec2.close();
    sim.close();
  }

  private static List<String> ids(List<LaunchTemplateVersion> versions) {
    return versions.stream().map(v -> v.launchTemplateId() + ":" + v.versionNumber()).toList();
  }

  @Test
  void everyVersionOfATemplateNewestFirstOrTheOnesAskedFor() {
    assertThat(ids(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(BATCH)).launchTemplateVersions()))
        .containsExactly(BATCH + ":3", BATCH + ":2", BATCH + ":1");
    assertThat(ids(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateName("batch-spot")
        .versions("1", "$Latest")).launchTemplateVersions())).containsExactly(BATCH + ":3", BATCH + ":1");
    assertThat(ids(ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(BATCH).minVersion("2"))
        .launchTemplateVersions())).containsExactly(BATCH + ":3", BATCH + ":2");
  }

  @Test
  void theDefaultVersionOfEveryTemplateWithItsData() {
    List<LaunchTemplateVersion> defaults = ec2.describeLaunchTemplateVersions(b -> b.versions("$Default"))
        .launchTemplateVersions();

    assertThat(ids(defaults)).containsExactly(BATCH + ":2", "lt-0a11c0e0000000002:1");
    LaunchTemplateVersion batch = defaults.get(0);
    assertThat(batch.defaultVersion()).isTrue();
    assertThat(batch.versionDescription()).isEqualTo("spot workers for the nightly batch");
    assertThat(batch.launchTemplateData().instanceTypeAsString()).isEqualTo("t3.micro");
    assertThat(batch.launchTemplateData().instanceMarketOptions().spotOptions().maxPrice()).isEqualTo("0.0052");
    assertThat(ids(ec2.describeLaunchTemplateVersions(b -> b.versions("$Latest")).launchTemplateVersions()))
        .containsExactly(BATCH + ":3", "lt-0a11c0e0000000002:1");
  }

  @Test
  void pagesAreReadInFull() {
    List<LaunchTemplateVersion> all = new ArrayList<>();
    int pages = 0;
    for (DescribeLaunchTemplateVersionsResponse page : ec2.describeLaunchTemplateVersionsPaginator(b -> b
        .launchTemplateId(BATCH).maxResults(1))) {
      all.addAll(page.launchTemplateVersions());
      pages++;
    }
    assertThat(ids(all)).containsExactly(BATCH + ":3", BATCH + ":2", BATCH + ":1");
    assertThat(pages).isEqualTo(3);
  }

  @Test
  void unknownTemplatesAndVersionsAreNotFound() {
    assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId("lt-0000000000000dead")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.NotFound"));
    assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(b -> b.launchTemplateId(BATCH).versions("7")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidLaunchTemplateId.VersionNotFound"));
    // numbered versions need a template
    assertThatThrownBy(() -> ec2.describeLaunchTemplateVersions(b -> b.versions("1")))
        .isInstanceOfSatisfying(AwsServiceException.class,
            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidParameterCombination"));
    // in another region there is no such template
    try (Ec2Client eu = DemoClients.client(sim, Ec2Client.builder(), "eu-central-1")) {
      assertThat(eu.describeLaunchTemplateVersions(b -> b.versions("$Default")).launchTemplateVersions()).isEmpty();
    }
  }
}
