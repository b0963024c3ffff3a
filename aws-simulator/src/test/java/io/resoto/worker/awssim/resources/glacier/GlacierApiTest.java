package io.resoto.worker.awssim.resources.glacier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.glacier.GlacierClient;
import software.amazon.awssdk.services.glacier.model.ListVaultsResponse;

/** Glacier's listings over the wire (REST-JSON, account "-"), from the demo estate's us-east-1 vaults. */
class GlacierApiTest {

  private static Simulation sim;
  private static GlacierClient glacier;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    glacier = DemoClients.client(sim, GlacierClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    glacier.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void vaultsArePagedByTheNextVaultsArn() {
    ListVaultsResponse first = glacier.listVaults(b -> b.limit("1"));
    assertThat(first.vaultList()).extracting(v -> v.vaultName()).containsExactly("demo-archive");
    assertThat(first.marker()).isEqualTo("arn:aws:glacier:us-east-1:111111111111:vaults/legal-hold");
    ListVaultsResponse second = glacier.listVaults(b -> b.limit("1").marker(first.marker()));
    assertThat(second.vaultList()).extracting(v -> v.vaultName()).containsExactly("legal-hold");
    assertThat(second.marker()).isNull();
    // the caller's own account id is "-" too; another account's vaults are not the caller's
    assertThat(glacier.listVaults(b -> b.accountId("111111111111")).vaultList()).hasSize(2);
    assertThatThrownBy(() -> glacier.listVaults(b -> b.accountId("222222222222")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("AccessDeniedException"));
    assertThatThrownBy(() -> glacier.listVaults(b -> b.limit("11")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("InvalidParameterValueException"));
  }

  @Test
  void jobsAreFilteredAndUnknownVaultsRefused() {
    assertThat(glacier.listJobs(b -> b.vaultName("demo-archive")).jobList()).hasSize(3);
    assertThat(glacier.listJobs(b -> b.vaultName("demo-archive").completed("true")).jobList()).hasSize(1);
    assertThat(glacier.listJobs(b -> b.vaultName("demo-archive").statuscode("InProgress")).jobList()).hasSize(2);
    assertThat(glacier.listJobs(b -> b.vaultName("legal-hold")).jobList()).isEmpty();
    assertThatThrownBy(() -> glacier.listJobs(b -> b.vaultName("nope")))
        .satisfies(e -> {
          assertThat(code(e)).isEqualTo("ResourceNotFoundException");
          assertThat(((AwsServiceException) e).statusCode()).isEqualTo(404);
        });
    assertThatThrownBy(() -> glacier.getVaultAccessPolicy(b -> b.vaultName("legal-hold")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("ResourceNotFoundException"));
  }
}
