package io.resoto.worker.awssim.resources.efs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.resoto.worker.awssim.cli.Simulation;
import io.resoto.worker.awssim.estate.Estate;
import io.resoto.worker.awssim.resources.DemoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.efs.EfsClient;
import software.amazon.awssdk.services.efs.model.DescribeFileSystemsResponse;
import software.amazon.awssdk.services.efs.model.FileSystemDescription;

/** The EFS listings over the wire, from the demo estate: markers, policies, mount target filters, errors. */
class EfsApiTest {

  private static Simulation sim;
  private static EfsClient efs;

  @BeforeAll
  static void start() throws Exception {
    sim = Simulation.start(Estate.demo());
    efs = DemoClients.client(sim, EfsClient.builder(), "us-east-1");
  }

  @AfterAll
  static void stop() {
    efs.close();
    sim.close();
  }

  private static String code(Throwable e) {
    return ((AwsServiceException) e).awsErrorDetails().errorCode();
  }

  @Test
  void fileSystemsPageByMarker() {
    DescribeFileSystemsResponse first = efs.describeFileSystems(b -> b.maxItems(1));
    assertThat(first.fileSystems()).extracting(FileSystemDescription::fileSystemId).containsExactly("fs-0a11c0e000000001");
    DescribeFileSystemsResponse second = efs.describeFileSystems(b -> b.maxItems(1).marker(first.nextMarker()));
    assertThat(second.fileSystems()).extracting(FileSystemDescription::fileSystemId).containsExactly("fs-0a11c0e000000002");
    assertThat(second.nextMarker()).isNull();
    assertThatThrownBy(() -> efs.describeFileSystems(b -> b.maxItems(101)))
        .satisfies(e -> assertThat(code(e)).isEqualTo("BadRequest"));
    assertThatThrownBy(() -> efs.describeFileSystems(b -> b.fileSystemId("fs-nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("FileSystemNotFound"));
  }

  @Test
  void policiesAndMountTargetsAreFoundOrRefusedAsInAws() {
    assertThat(efs.describeFileSystemPolicy(b -> b.fileSystemId("fs-0a11c0e000000001")).policy())
        .contains("ClientMount");
    assertThatThrownBy(() -> efs.describeFileSystemPolicy(b -> b.fileSystemId("fs-0a11c0e000000002")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("PolicyNotFound"));
    assertThat(efs.describeMountTargets(b -> b.fileSystemId("fs-0a11c0e000000001")).mountTargets()).hasSize(2);
    assertThat(efs.describeMountTargets(b -> b.accessPointId("fsap-0a11c0e000000001")).mountTargets()).hasSize(2);
    assertThat(efs.describeMountTargets(b -> b.fileSystemId("fs-0a11c0e000000002")).mountTargets()).isEmpty();
    assertThatThrownBy(() -> efs.describeMountTargets(b -> {}))
        .satisfies(e -> assertThat(code(e)).isEqualTo("BadRequest"));
    assertThatThrownBy(() -> efs.describeMountTargets(b -> b.mountTargetId("fsmt-nope")))
        .satisfies(e -> assertThat(code(e)).isEqualTo("MountTargetNotFound"));
  }
}
